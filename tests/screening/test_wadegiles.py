"""Wade–Giles to pinyin, checked against well-known place and personal names whose two spellings are both on record,
and against words that must not convert."""

from __future__ import annotations

import pytest

from mtcr.screening.wadegiles import PINYIN_SYLLABLES, WADE_GILES_SYLLABLES, wade_giles_to_pinyin

# Wade–Giles as printed, and the pinyin in the usual one-word, toneless form.
KNOWN_PAIRS = [
    ("Ta-lien", "dalian"),
    ("Ch'ing-tao", "qingdao"),
    ("Kuang-chou", "guangzhou"),
    ("Hsi-an", "xian"),
    ("Ch'eng-tu", "chengdu"),
    ("Chung-kuo", "zhongguo"),
    ("Pei-ching", "beijing"),
    ("T'ien-chin", "tianjin"),
    ("Nan-ching", "nanjing"),
    ("Ch'ung-ch'ing", "chongqing"),
    ("Shang-hai", "shanghai"),
    ("Hsia-men", "xiamen"),
    ("Lo-yang", "luoyang"),
    ("Shih-chia-chuang", "shijiazhuang"),
    ("Ha-erh-pin", "haerbin"),
    ("Kao-hsiung", "gaoxiong"),
    ("T'ai-pei", "taibei"),
    ("Yen-an", "yanan"),
    ("Ch'üan-chou", "quanzhou"),
    ("Yüeh-yang", "yueyang"),
    ("O-mei", "emei"),
    ("T'ien-an-men", "tiananmen"),
    # provinces
    ("Kuang-tung", "guangdong"),
    ("Fu-chien", "fujian"),
    ("Ho-nan", "henan"),
    ("Ho-pei", "hebei"),
    ("Ssu-ch'uan", "sichuan"),
    ("Szu-ch'uan", "sichuan"),
    ("Shan-hsi", "shanxi"),
    ("Kan-su", "gansu"),
    ("Hsin-chiang", "xinjiang"),
    ("Hsi-tsang", "xizang"),
    ("Yün-nan", "yunnan"),
    ("Kuei-chou", "guizhou"),
    ("Che-chiang", "zhejiang"),
    ("Chiang-su", "jiangsu"),
    ("An-hui", "anhui"),
    ("Nei-meng-ku", "neimenggu"),
    ("Hei-lung-chiang", "heilongjiang"),
    ("Chi-lin", "jilin"),
    ("Ning-hsia", "ningxia"),
    ("Ch'ing-hai", "qinghai"),
    # people and things
    ("Tse-tung", "zedong"),
    ("Mao-Tse-tung", "maozedong"),
    ("Hsiao-p'ing", "xiaoping"),
    ("Chieh-shih", "jieshi"),
    ("En-lai", "enlai"),
    ("Kuo-min-tang", "guomindang"),
    ("Kung-ch'an-tang", "gongchandang"),
    ("Tz'u-hsi", "cixi"),
    ("I-ching", "yijing"),
    ("Lü-shun", "lushun"),
    ("Yang-tzu", "yangzi"),
    ("Lao-tzu", "laozi"),
    ("Chuang-tzu", "zhuangzi"),
    ("K'ung-fu-tzu", "kongfuzi"),
    ("Szu-ma", "sima"),
    ("Jen-min", "renmin"),
    ("Jih-pao", "ribao"),
    ("Hsin-hua", "xinhua"),
    ("Ch'ing-hua", "qinghua"),
    ("Chung-hua", "zhonghua"),
    ("Hsüeh-sheng", "xuesheng"),
    # words found in company names
    ("Kung-ssu", "gongsi"),
    ("Yu-hsien", "youxian"),
    ("Mao-i", "maoyi"),
    ("K'o-chi", "keji"),
    ("Lien-ho", "lianhe"),
    ("Hai-li", "haili"),
    ("Cheng-hua", "zhenghua"),
    ("Tzu-po", "zibo"),
    ("Kuo-chi", "guoji"),
    ("T'ung-hsin", "tongxin"),
]


@pytest.mark.parametrize(("wade_giles", "pinyin"), KNOWN_PAIRS)
def test_known_pairs(wade_giles: str, pinyin: str) -> None:
    assert wade_giles_to_pinyin(wade_giles) == pinyin


# One syllable at a time, one row per rule of the tables.
SYLLABLES = [
    ("p'ing", "ping"),  # aspirated and unaspirated stops
    ("ping", "bing"),
    ("t'ang", "tang"),
    ("tang", "dang"),
    ("k'ai", "kai"),
    ("kai", "gai"),
    ("chih", "zhi"),  # -ih after ch, ch', sh, j
    ("ch'ih", "chi"),
    ("shih", "shi"),
    ("jih", "ri"),
    ("chi", "ji"),  # ch, ch' before i/ü are j, q
    ("ch'i", "qi"),
    ("chü", "ju"),
    ("ch'ü", "qu"),
    ("chu", "zhu"),  # ... and zh, ch elsewhere
    ("ch'u", "chu"),
    ("hsü", "xu"),  # a dropped umlaut is restored where u cannot be
    ("hsu", "xu"),
    ("chueh", "jue"),
    ("tsao", "zao"),  # ts, tz, ss, sz
    ("ts'ao", "cao"),
    ("tzu", "zi"),
    ("tz'u", "ci"),
    ("ssu", "si"),
    ("szu", "si"),
    ("tsu", "zu"),
    ("jung", "rong"),  # j is r; -ung is -ong
    ("hsiung", "xiong"),
    ("lieh", "lie"),  # -ieh, -ien
    ("t'ien", "tian"),
    ("ko", "ge"),  # -o
    ("k'o", "ke"),
    ("ho", "he"),
    ("po", "bo"),
    ("to", "duo"),
    ("cho", "zhuo"),
    ("kuo", "guo"),
    ("o", "e"),  # no initial
    ("ê", "e"),
    ("êrh", "er"),
    ("erh", "er"),
    ("i", "yi"),
    ("yu", "you"),
    ("yü", "yu"),
    ("yung", "yong"),
    ("yüan", "yuan"),
    ("yeh", "ye"),
    ("yen", "yan"),
    ("wen", "wen"),
    ("weng", "weng"),
    ("kuei", "gui"),  # -uei and -ui
    ("k'uei", "kui"),
    ("hui", "hui"),
    ("lü", "lu"),  # ü after l, n written u
    ("nü", "nu"),
    ("lüeh", "lue"),
    ("têng", "deng"),
    ("tzŭ", "zi"),
]


@pytest.mark.parametrize(("wade_giles", "pinyin"), SYLLABLES)
def test_syllables(wade_giles: str, pinyin: str) -> None:
    assert wade_giles_to_pinyin(wade_giles) == pinyin


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [
        ("Peking", "beijing"),
        ("Canton", "guangzhou"),
        ("Tientsin", "tianjin"),
        ("Nanking", "nanjing"),
        ("Amoy", "xiamen"),
        ("Sian", "xian"),
        ("Chungking", "chongqing"),
        ("Tsingtao", "qingdao"),
        ("Taipei", "taibei"),
        ("PEKING", "beijing"),
    ],
)
def test_conventional_spellings_as_whole_words(word: str, pinyin: str) -> None:
    assert wade_giles_to_pinyin(word) == pinyin


def test_conventional_spellings_are_not_syllables() -> None:
    assert wade_giles_to_pinyin("Pe-king") is None
    assert wade_giles_to_pinyin("Peking-Shanghai") is None


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [
        ("TA-LIEN", "dalian"),
        ("ta-lien", "dalian"),
        ("K’o-chi", "keji"),  # ’
        ("K‘o-chi", "keji"),  # ‘
        ("Kʻo-chi", "keji"),  # ʻ
        ("Kʼo-chi", "keji"),  # ʼ
        ("Ta‐lien", "dalian"),  # U+2010 hyphen
        ("LÜ-SHUN", "lushun"),
        ("Lu\u0308-shun", "lushun"),  # ü as u + combining diaeresis
        (" Ta-lien ", "dalian"),
    ],
)
def test_spelling_variants(word: str, pinyin: str) -> None:
    assert wade_giles_to_pinyin(word) == pinyin


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [
        ("Kaohsiung", "gaoxiong"),  # hs
        ("Hsinhua", "xinhua"),
        ("Hsinchu", "xinzhu"),
        ("Chungkuo", "zhongguo"),  # -ung
        ("Kungssu", "gongsi"),  # ss
        ("Yuhsien", "youxian"),
        ("Ch'ingtao", "qingdao"),  # apostrophe
        ("Hualien", "hualian"),  # -ien
        ("Chinhua", "jinhua"),  # chi- before a vowel or n
        ("Teng", "deng"),  # a single syllable needs no marker
        ("Chou", "zhou"),
    ],
)
def test_run_together_words_with_a_wade_giles_spelling(word: str, pinyin: str) -> None:
    assert wade_giles_to_pinyin(word) == pinyin


@pytest.mark.parametrize(
    "word",
    [
        "Tainan",  # no spelling pinyin lacks: left to the caller's ordinary matching
        "Kuomintang",
        "Chengtu",
        "Panama",
        "Machine",
        "Tofu",  # -o alone does not count
        "Potato",
        "Lenin",
        "Ali",
        "Chihsu",  # chih-su or chi-hsu: ambiguous
        "Sunyatsen",  # Cantonese; no marker
    ],
)
def test_run_together_words_refused(word: str) -> None:
    assert wade_giles_to_pinyin(word) is None


@pytest.mark.parametrize(
    "word",
    [
        "",
        " ",
        "123",
        "Ta-lien2",
        "Ta--lien",
        "-Ta",
        "Ta-",
        "Ta lien",
        "Company",
        "Trading",
        "Industries",
        "Machinery",
        "Corporation",
        "International",
        "Mohammad",
        "Hosseini",
        "Tehran",
        "Isfahan",
        "Rosoboronexport",
        "Kalashnikov",
        "Vladimir",
        "Sergei",
        "Pyongyang",
        "Kai-shek",  # Cantonese "shek" is not Wade–Giles
        "Yat-sen",
        "Beijing",  # pinyin is not Wade–Giles
        "Zhongguo",
        "Xi'an",
        "Shi",  # Wade–Giles writes shih
        "Si",  # ... and ssu
        "Tsi",
        "Hsa",  # hs only before i/ü
        "Tzao",  # tz only before u
        "Sho",
        "K'ing",
        "Ta-li-en-x",
    ],
)
def test_not_wade_giles(word: str) -> None:
    assert wade_giles_to_pinyin(word) is None


def test_every_table_entry_is_a_pinyin_syllable() -> None:
    assert set(WADE_GILES_SYLLABLES.values()) <= PINYIN_SYLLABLES


def test_tables_reach_every_pinyin_syllable_but_the_interjections() -> None:
    """A missing row in a table would show up as a pinyin syllable nothing converts to."""
    assert PINYIN_SYLLABLES - set(WADE_GILES_SYLLABLES.values()) == {"o", "yo"}


def test_about_410_pinyin_syllables() -> None:
    assert 400 <= len(PINYIN_SYLLABLES) <= 420


def test_output_is_ascii_lower_case() -> None:
    for syllable in WADE_GILES_SYLLABLES:
        result = wade_giles_to_pinyin(syllable)
        assert result is not None
        assert result.isascii() and result.islower() and result.isalpha()


def test_results_are_cached() -> None:
    wade_giles_to_pinyin.cache_clear()
    wade_giles_to_pinyin("Ta-lien")
    wade_giles_to_pinyin("Ta-lien")
    assert wade_giles_to_pinyin.cache_info().hits == 1
