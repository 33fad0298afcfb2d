#!/usr/bin/env python3
# ruff: noqa: E501  (a table of real names, one entity a line)
"""Build the development name-pair set (`pairs.csv`) for the restricted-party name matcher.

Standard library only and deterministic (seed below). Inputs: the entity table in this file (native-script and
English names of real bodies, used for the `script` positives and for the cross-entity negatives) and
`handwritten.csv` (all other pairs). Output: `pairs.csv` next to this file.

    python tests/screening/eval/dev/build_dev.py

Written without reading the matcher, its data, or either evaluation set's pairs. See README.md.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
import sys
from pathlib import Path

SEED = 20250807
HERE = Path(__file__).resolve().parent
HEADER = ["query", "list_name", "label", "category", "note"]
POSITIVE = {"alias", "transliteration", "acronym", "reorder", "typo", "company_form", "script", "punctuation"}
NEGATIVE = {
    "similar_name",
    "shared_tokens",
    "same_country_generic",
    "short_name",
    "person_vs_org",
    "near_typo_different",
}

LANG = {
    "zh": "Chinese (simplified)",
    "zt": "Chinese (traditional)",
    "ko": "Korean Hangul",
    "fa": "Persian",
    "ar": "Arabic",
    "ur": "Urdu",
    "hi": "Hindi (Devanagari)",
    "ru": "Russian Cyrillic",
    "be": "Belarusian Cyrillic",
    "uk": "Ukrainian Cyrillic",
}
HOW = {
    "t": "translated name",
    "p": "partly a proper name (place, person or brand) transliterated",
    "l": "English loanwords written in the native script",
}


def entity(key, en, nat=(), how="t", rom=(), rel=()):
    """key; English/list name; native names as (lang, text); how the English relates; romanised forms
    (lang, native text, romanisation, system); related keys never paired as negatives."""
    return {"key": key, "en": en, "nat": list(nat), "how": how, "rom": list(rom), "rel": set(rel)}


ENTITIES = [
    # ---------------- China: Chinese Academy of Sciences institutes (sister bodies; CAS itself is not used) -------------
    entity(
        "ciomp",
        "Changchun Institute of Optics, Fine Mechanics and Physics",
        [("zh", "中国科学院长春光学精密机械与物理研究所")],
        "p",
    ),
    entity(
        "siom", "Shanghai Institute of Optics and Fine Mechanics", [("zh", "中国科学院上海光学精密机械研究所")], "p"
    ),
    entity(
        "xiopm", "Xi'an Institute of Optics and Precision Mechanics", [("zh", "中国科学院西安光学精密机械研究所")], "p"
    ),
    entity("ioe", "Institute of Optics and Electronics", [("zh", "中国科学院光电技术研究所")]),
    entity("imech", "Institute of Mechanics", [("zh", "中国科学院力学研究所")]),
    entity("semi", "Institute of Semiconductors", [("zh", "中国科学院半导体研究所")]),
    entity("sia", "Shenyang Institute of Automation", [("zh", "中国科学院沈阳自动化研究所")], "p"),
    entity("ict", "Institute of Computing Technology", [("zh", "中国科学院计算技术研究所")]),
    entity("ioa", "Institute of Acoustics", [("zh", "中国科学院声学研究所")]),
    entity("dicp", "Dalian Institute of Chemical Physics", [("zh", "中国科学院大连化学物理研究所")], "p"),
    entity("imr", "Institute of Metal Research", [("zh", "中国科学院金属研究所")]),
    entity(
        "simit",
        "Shanghai Institute of Microsystem and Information Technology",
        [("zh", "中国科学院上海微系统与信息技术研究所")],
        "p",
    ),
    entity("aircas", "Aerospace Information Research Institute", [("zh", "中国科学院空天信息创新研究院")]),
    # ---------------- China: other research and military bodies ----------------
    entity(
        "iapcm", "Institute of Applied Physics and Computational Mathematics", [("zh", "北京应用物理与计算数学研究所")]
    ),
    entity("cardc", "China Aerodynamics Research and Development Center", [("zh", "中国空气动力研究与发展中心")]),
    entity("jict", "Jiangnan Institute of Computing Technology", [("zh", "江南计算技术研究所")], "p"),
    entity("ams", "Academy of Military Sciences", [("zh", "中国人民解放军军事科学院")]),
    entity("plan", "People's Liberation Army Navy", [("zh", "中国人民解放军海军")]),
    entity("plagf", "People's Liberation Army Ground Force", [("zh", "中国人民解放军陆军")]),
    entity("pap", "People's Armed Police", [("zh", "中国人民武装警察部队")]),
    entity("pla-ieu", "PLA Information Engineering University", [("zh", "中国人民解放军信息工程大学")]),
    entity("pla-aeu", "Army Engineering University of PLA", [("zh", "中国人民解放军陆军工程大学")]),
    entity("pla-afeu", "Air Force Engineering University", [("zh", "中国人民解放军空军工程大学")]),
    entity("pla-nue", "Naval University of Engineering", [("zh", "中国人民解放军海军工程大学")]),
    # ---------------- China: supercomputing centres ----------------
    entity("nsc-wuxi", "National Supercomputing Center in Wuxi", [("zh", "国家超级计算无锡中心")], "p"),
    entity("nsc-changsha", "National Supercomputing Center in Changsha", [("zh", "国家超级计算长沙中心")], "p"),
    entity("nsc-shenzhen", "National Supercomputing Center in Shenzhen", [("zh", "国家超级计算深圳中心")], "p"),
    entity("nsc-guangzhou", "National Supercomputing Center in Guangzhou", [("zh", "国家超级计算广州中心")], "p"),
    entity("nsc-tianjin", "National Supercomputing Center in Tianjin", [("zh", "国家超级计算天津中心")], "p"),
    entity("nsc-jinan", "National Supercomputing Center in Jinan", [("zh", "国家超级计算济南中心")], "p"),
    entity("nsc-zhengzhou", "National Supercomputing Center in Zhengzhou", [("zh", "国家超级计算郑州中心")], "p"),
    # ---------------- China: government ----------------
    entity(
        "sastind",
        "State Administration of Science, Technology and Industry for National Defense",
        [("zh", "国家国防科技工业局")],
        rom=[("zh", "国家国防科技工业局", "Guojia Guofang Keji Gongye Ju", "pinyin")],
        rel=["miit", "caea"],
    ),
    entity(
        "miit",
        "Ministry of Industry and Information Technology",
        [("zh", "中华人民共和国工业和信息化部")],
        rel=["sastind", "caea"],
    ),
    entity("mofcom", "Ministry of Commerce of the People's Republic of China", [("zh", "中华人民共和国商务部")]),
    entity(
        "most",
        "Ministry of Science and Technology of the People's Republic of China",
        [("zh", "中华人民共和国科学技术部")],
    ),
    entity(
        "gacc",
        "General Administration of Customs of the People's Republic of China",
        [("zh", "中华人民共和国海关总署")],
    ),
    entity("caea", "China Atomic Energy Authority", [("zh", "国家原子能机构")], rel=["sastind", "miit"]),
    entity(
        "edd",
        "Equipment Development Department of the Central Military Commission",
        [("zh", "中央军事委员会装备发展部")],
    ),
    entity("ndrc", "National Development and Reform Commission", [("zh", "国家发展和改革委员会")]),
    # ---------------- China: state-owned groups ----------------
    entity("cnpc", "China National Petroleum Corporation", [("zh", "中国石油天然气集团有限公司")]),
    entity("sinopec", "China Petrochemical Corporation", [("zh", "中国石油化工集团有限公司")]),
    entity("cnooc", "China National Offshore Oil Corporation", [("zh", "中国海洋石油集团有限公司")]),
    entity("chemchina", "China National Chemical Corporation", [("zh", "中国化工集团有限公司")], rel=["sinochem"]),
    entity(
        "sinochem", "Sinochem Holdings Corporation Ltd.", [("zh", "中国中化控股有限责任公司")], "p", rel=["chemchina"]
    ),
    entity("baowu", "China Baowu Steel Group Corporation Limited", [("zh", "中国宝武钢铁集团有限公司")], "p"),
    entity("chinalco", "Aluminum Corporation of China", [("zh", "中国铝业集团有限公司")]),
    entity("cnmc", "China Nonferrous Metal Mining (Group) Co., Ltd.", [("zh", "中国有色矿业集团有限公司")]),
    entity("crrc", "CRRC Corporation Limited", [("zh", "中国中车股份有限公司")]),
    entity("cscec", "China State Construction Engineering Corporation", [("zh", "中国建筑集团有限公司")]),
    entity("cccc", "China Communications Construction Company Limited", [("zh", "中国交通建设股份有限公司")]),
    entity("chinatelecom", "China Telecommunications Corporation", [("zh", "中国电信集团有限公司")]),
    entity("chinamobile", "China Mobile Communications Group Co., Ltd.", [("zh", "中国移动通信集团有限公司")]),
    entity(
        "chinaunicom", "China United Network Communications Group Co., Ltd.", [("zh", "中国联合网络通信集团有限公司")]
    ),
    # ---------------- airlines ----------------
    entity("airchina", "Air China Limited", [("zh", "中国国际航空股份有限公司")]),
    entity("ceair", "China Eastern Airlines Corporation Limited", [("zh", "中国东方航空股份有限公司")]),
    entity("csair", "China Southern Airlines Company Limited", [("zh", "中国南方航空股份有限公司")]),
    entity("chinaairlines", "China Airlines, Ltd.", [("zt", "中華航空股份有限公司")]),
    # ---------------- China / Taiwan: technology companies ----------------
    entity("smic", "Semiconductor Manufacturing International Corporation", [("zh", "中芯国际集成电路制造有限公司")]),
    entity("dahua", "Zhejiang Dahua Technology Co., Ltd.", [("zh", "浙江大华技术股份有限公司")], "p"),
    entity("iflytek", "iFLYTEK Co., Ltd.", [("zh", "科大讯飞股份有限公司")], "p"),
    entity("megvii", "Beijing Megvii Technology Co., Ltd.", [("zh", "北京旷视科技有限公司")], "p"),
    entity(
        "sensetime", "Beijing SenseTime Technology Development Co., Ltd.", [("zh", "北京市商汤科技开发有限公司")], "p"
    ),
    entity("dji", "SZ DJI Technology Co., Ltd.", [("zh", "深圳市大疆创新科技有限公司")], "p"),
    entity(
        "ymtc",
        "Yangtze Memory Technologies Co., Ltd.",
        [("zh", "长江存储科技有限责任公司")],
        "p",
        rom=[("zh", "长江存储科技有限责任公司", "Changjiang Cunchu Keji Youxian Zeren Gongsi", "pinyin")],
    ),
    entity(
        "sugon",
        "Dawning Information Industry Co., Ltd.",
        [("zh", "曙光信息产业股份有限公司")],
        rom=[("zh", "曙光信息产业股份有限公司", "Shuguang Xinxi Chanye Gufen Youxian Gongsi", "pinyin")],
    ),
    entity("phytium", "Tianjin Phytium Information Technology Co., Ltd.", [("zh", "天津飞腾信息技术有限公司")], "p"),
    entity("tsmc", "Taiwan Semiconductor Manufacturing Company Limited", [("zt", "台灣積體電路製造股份有限公司")]),
    entity("umc", "United Microelectronics Corporation", [("zt", "聯華電子股份有限公司")]),
    entity("honhai", "Hon Hai Precision Industry Co., Ltd.", [("zt", "鴻海精密工業股份有限公司")], "p"),
    # ---------------- aircraft makers ----------------
    entity(
        "hongdu", "Jiangxi Hongdu Aviation Industry Group Co., Ltd.", [("zh", "江西洪都航空工业集团有限责任公司")], "p"
    ),
    entity("hafei", "Harbin Aircraft Industry (Group) Co., Ltd.", [("zh", "哈尔滨飞机工业集团有限责任公司")], "p"),
    entity("shaanxi-ac", "Shaanxi Aircraft Industry (Group) Co., Ltd.", [("zh", "陕西飞机工业（集团）有限公司")], "p"),
    entity(
        "changhe", "Changhe Aircraft Industries (Group) Co., Ltd.", [("zh", "昌河飞机工业（集团）有限责任公司")], "p"
    ),
    entity("aidc", "Aerospace Industrial Development Corporation", [("zt", "漢翔航空工業股份有限公司")]),
    # ---------------- Taiwan research / government ----------------
    entity("ncsist", "National Chung-Shan Institute of Science and Technology", [("zt", "國家中山科學研究院")], "p"),
    entity("itri", "Industrial Technology Research Institute", [("zt", "工業技術研究院")]),
    entity("roc-mnd", "Ministry of National Defense, Republic of China (Taiwan)", [("zt", "中華民國國防部")]),
    entity("tasa", "Taiwan Space Agency", [("zt", "國家太空中心")]),
    # ---------------- shipyards ----------------
    entity("jiangnan", "Jiangnan Shipyard (Group) Co., Ltd.", [("zh", "江南造船（集团）有限责任公司")], "p"),
    entity("hudong", "Hudong-Zhonghua Shipbuilding (Group) Co., Ltd.", [("zh", "沪东中华造船（集团）有限公司")], "p"),
    entity("dsic", "Dalian Shipbuilding Industry Co., Ltd.", [("zh", "大连船舶重工集团有限公司")], "p"),
    entity("csbc", "CSBC Corporation, Taiwan", [("zt", "台灣國際造船股份有限公司")]),
    entity("hanwha-ocean", "Hanwha Ocean Co., Ltd.", [("ko", "한화오션 주식회사")], "p"),
    entity("hd-hhi", "HD Hyundai Heavy Industries Co., Ltd.", [("ko", "HD현대중공업 주식회사")], "p"),
    entity("shi", "Samsung Heavy Industries Co., Ltd.", [("ko", "삼성중공업 주식회사")], "p"),
    entity("mdl", "Mazagon Dock Shipbuilders Limited", [("hi", "मझगांव डॉक शिपबिल्डर्स लिमिटेड")], "l"),
    entity(
        "grse", "Garden Reach Shipbuilders & Engineers Limited", [("hi", "गार्डन रीच शिपबिल्डर्स एंड इंजीनियर्स लिमिटेड")], "l"
    ),
    entity("gsl", "Goa Shipyard Limited", [("hi", "गोवा शिपयार्ड लिमिटेड")], "l"),
    entity("csl", "Cochin Shipyard Limited", [("hi", "कोचीन शिपयार्ड लिमिटेड")], "l"),
    entity(
        "admiralty",
        "Admiralty Shipyards",
        [("ru", "АО «Адмиралтейские верфи»")],
        rom=[("ru", "АО «Адмиралтейские верфи»", "AO Admiralteyskiye Verfi", "BGN/PCGN")],
    ),
    entity("sevmash", "Sevmash", [("ru", "АО «ПО «Севмаш»")], "p"),
    entity("zvezdochka", "Zvezdochka Ship Repair Center", [("ru", "АО «Центр судоремонта «Звёздочка»")], "p"),
    entity("rubin", "Rubin Central Design Bureau for Marine Engineering", [("ru", "АО «ЦКБ МТ «Рубин»")], "p"),
    # ---------------- Chinese universities ----------------
    entity("fudan", "Fudan University", [("zh", "复旦大学")], "p"),
    entity("zju", "Zhejiang University", [("zh", "浙江大学")], "p"),
    entity("whu", "Wuhan University", [("zh", "武汉大学")], "p"),
    entity("hust", "Huazhong University of Science and Technology", [("zh", "华中科技大学")], "p"),
    entity("sysu", "Sun Yat-sen University", [("zh", "中山大学")], "p"),
    entity("xmu", "Xiamen University", [("zh", "厦门大学")], "p"),
    entity("tongji", "Tongji University", [("zh", "同济大学")], "p"),
    entity("seu", "Southeast University", [("zh", "东南大学")]),
    entity("dlut", "Dalian University of Technology", [("zh", "大连理工大学")], "p"),
    entity("neu", "Northeastern University", [("zh", "东北大学")]),
    entity("jlu", "Jilin University", [("zh", "吉林大学")], "p"),
    entity("sdu", "Shandong University", [("zh", "山东大学")], "p"),
    entity("csu", "Central South University", [("zh", "中南大学")]),
    entity("bupt", "Beijing University of Posts and Telecommunications", [("zh", "北京邮电大学")], "p"),
    entity("nupt", "Nanjing University of Posts and Telecommunications", [("zh", "南京邮电大学")], "p"),
    entity("nankai", "Nankai University", [("zh", "南开大学")], "p"),
    entity("scut", "South China University of Technology", [("zh", "华南理工大学")]),
    entity("whut", "Wuhan University of Technology", [("zh", "武汉理工大学")], "p"),
    entity("sylu", "Shenyang Ligong University", [("zh", "沈阳理工大学")], "p"),
    entity("sut", "Shenyang University of Technology", [("zh", "沈阳工业大学")], "p"),
    entity("sau", "Shenyang Aerospace University", [("zh", "沈阳航空航天大学")], "p"),
    entity("nchu", "Nanchang Hangkong University", [("zh", "南昌航空大学")], "p"),
    entity("nuc", "North University of China", [("zh", "中北大学")]),
    entity("xatu", "Xi'an Technological University", [("zh", "西安工业大学")], "p"),
    entity("xaut", "Xi'an University of Technology", [("zh", "西安理工大学")], "p"),
    entity("hdu", "Hangzhou Dianzi University", [("zh", "杭州电子科技大学")], "p"),
    entity("cust", "Changchun University of Science and Technology", [("zh", "长春理工大学")], "p"),
    entity("ccut", "Changchun University of Technology", [("zh", "长春工业大学")], "p"),
    entity("jnu", "Jinan University", [("zh", "暨南大学")], "p"),
    entity("ujn", "University of Jinan", [("zh", "济南大学")], "p"),
    entity("jiangnan-u", "Jiangnan University", [("zh", "江南大学")], "p"),
    entity("ysu", "Yanshan University", [("zh", "燕山大学")], "p"),
    entity("ybu", "Yanbian University", [("zh", "延边大学")], "p"),
    entity("xtu", "Xiangtan University", [("zh", "湘潭大学")], "p"),
    entity("just", "Jiangsu University of Science and Technology", [("zh", "江苏科技大学")], "p"),
    entity("jxust", "Jiangxi University of Science and Technology", [("zh", "江西理工大学")], "p"),
    entity("cauc", "Civil Aviation University of China", [("zh", "中国民航大学")]),
    entity("ncku", "National Cheng Kung University", [("zt", "國立成功大學")], "p"),
    entity("ntu-tw", "National Taiwan University", [("zt", "國立臺灣大學")], "p"),
    entity("ncu-tw", "National Central University", [("zt", "國立中央大學")]),
    entity("polyu", "The Hong Kong Polytechnic University", [("zt", "香港理工大學")], "p"),
    entity("hkust", "The Hong Kong University of Science and Technology", [("zt", "香港科技大學")], "p"),
    entity("cuhk", "The Chinese University of Hong Kong", [("zt", "香港中文大學")], "p"),
    # ---------------- South Korea ----------------
    entity(
        "add",
        "Agency for Defense Development",
        [("ko", "국방과학연구소")],
        rom=[("ko", "국방과학연구소", "Gukbang Gwahak Yeonguso", "Revised Romanization")],
    ),
    entity(
        "dapa",
        "Defense Acquisition Program Administration",
        [("ko", "방위사업청")],
        rom=[("ko", "방위사업청", "Bangwi Saeopcheong", "Revised Romanization")],
    ),
    entity("kaeri", "Korea Atomic Energy Research Institute", [("ko", "한국원자력연구원")]),
    entity("kaist", "Korea Advanced Institute of Science and Technology", [("ko", "한국과학기술원")]),
    entity("etri", "Electronics and Telecommunications Research Institute", [("ko", "한국전자통신연구원")]),
    entity("dtaq", "Defense Agency for Technology and Quality", [("ko", "국방기술품질원")]),
    entity("kins", "Korea Institute of Nuclear Safety", [("ko", "한국원자력안전기술원")], rel=["nssc"]),
    entity("nssc", "Nuclear Safety and Security Commission", [("ko", "원자력안전위원회")], rel=["kins"]),
    entity("motie", "Ministry of Trade, Industry and Energy", [("ko", "산업통상자원부")]),
    entity("rok-mnd", "Ministry of National Defense of the Republic of Korea", [("ko", "대한민국 국방부")]),
    entity("nis", "National Intelligence Service", [("ko", "국가정보원")]),
    entity("snu", "Seoul National University", [("ko", "서울대학교")], "p"),
    entity("postech", "Pohang University of Science and Technology", [("ko", "포항공과대학교")], "p"),
    entity("yonsei", "Yonsei University", [("ko", "연세대학교")], "p"),
    entity("koreau", "Korea University", [("ko", "고려대학교")], "p"),
    entity("hanyang", "Hanyang University", [("ko", "한양대학교")], "p"),
    entity("inha", "Inha University", [("ko", "인하대학교")], "p"),
    entity("inje", "Inje University", [("ko", "인제대학교")], "p"),
    entity("gist", "Gwangju Institute of Science and Technology", [("ko", "광주과학기술원")], "p"),
    entity("unist", "Ulsan National Institute of Science and Technology", [("ko", "울산과학기술원")], "p"),
    entity("dgist", "Daegu Gyeongbuk Institute of Science and Technology", [("ko", "대구경북과학기술원")], "p"),
    entity(
        "hanwha-aero", "Hanwha Aerospace Co., Ltd.", [("ko", "한화에어로스페이스 주식회사")], "l", rel=["hanwha-sys"]
    ),
    entity("hanwha-sys", "Hanwha Systems Co., Ltd.", [("ko", "한화시스템 주식회사")], "l", rel=["hanwha-aero"]),
    entity("lignex1", "LIG Nex1 Co., Ltd.", [("ko", "LIG넥스원 주식회사")], "l"),
    entity("rotem", "Hyundai Rotem Company", [("ko", "현대로템 주식회사")], "p"),
    entity("poongsan", "Poongsan Corporation", [("ko", "주식회사 풍산")], "p"),
    entity("samsung-elec", "Samsung Electronics Co., Ltd.", [("ko", "삼성전자 주식회사")], "p"),
    entity("samsung-ct", "Samsung C&T Corporation", [("ko", "삼성물산 주식회사")], "p"),
    entity("hyundai-corp", "Hyundai Corporation", [("ko", "현대코퍼레이션 주식회사")], "l"),
    entity("lx-intl", "LX International Corp.", [("ko", "주식회사 LX인터내셔널")], "l"),
    entity("posco-intl", "POSCO International Corporation", [("ko", "주식회사 포스코인터내셔널")], "l"),
    entity("doosan-enerbility", "Doosan Enerbility Co., Ltd.", [("ko", "두산에너빌리티 주식회사")], "l"),
    # ---------------- North Korea ----------------
    entity("koryo-bank", "Koryo Bank", [("ko", "고려은행")], "p"),
    entity("ilsim", "Ilsim International Bank", [("ko", "일심국제은행")], "p"),
    entity("mss", "Ministry of State Security", [("ko", "국가보위성")]),
    entity("mnd-kp", "Ministry of National Defence (DPRK)", [("ko", "국방성")]),
    entity("mss-kp", "Ministry of Social Security", [("ko", "사회안전성")]),
    entity("maei", "Ministry of Atomic Energy Industry", [("ko", "원자력공업성")]),
    entity("ogd", "Organization and Guidance Department", [("ko", "조직지도부")], rel=["pad"]),
    entity("pad", "Propaganda and Agitation Department", [("ko", "선전선동부")], rel=["ogd"]),
    entity("office39", "Office 39", [("ko", "39호실")]),
    entity(
        "yongbyon",
        "Yongbyon Nuclear Research Centre",
        [("ko", "녕변원자력연구소")],
        "p",
        rom=[("ko", "녕변원자력연구소", "Nyongbyon Wonjaryok Yonguso", "McCune-Reischauer")],
    ),
    entity("rodong", "Rodong Sinmun", [("ko", "로동신문")], "p"),
    entity("khj-univ", "Kim Hyong Jik University of Education", [("ko", "김형직사범대학")], "p"),
    entity("htsu", "Han Tok Su Pyongyang University of Light Industry", [("ko", "한덕수평양경공업대학")], "p"),
    # North Korean persons (McCune-Reischauer, as UN/OFAC lists write them)
    entity("p-choe-rh", "Choe Ryong Hae", [("ko", "최룡해")], "p"),
    entity("p-kim-yj", "Kim Yo Jong", [("ko", "김여정")], "p"),
    entity("p-pak-pj", "Pak Pong Ju", [("ko", "박봉주")], "p"),
    entity("p-choe-sh", "Choe Son Hui", [("ko", "최선희")], "p"),
    entity("p-kim-ychol", "Kim Yong Chol", [("ko", "김영철")], "p"),
    entity("p-kim-ychun", "Kim Yong Chun", [("ko", "김영춘")], "p"),
    entity("p-jo-yw", "Jo Yong Won", [("ko", "조용원")], "p"),
    entity("p-pak-jc", "Pak Jong Chon", [("ko", "박정천")], "p"),
    # ---------------- Iran ----------------
    entity("cbi", "Central Bank of the Islamic Republic of Iran", [("fa", "بانک مرکزی جمهوری اسلامی ایران")]),
    entity("parsian", "Parsian Bank", [("fa", "بانک پارسیان")], "p"),
    entity("sina", "Sina Bank", [("fa", "بانک سینا")], "p"),
    entity("pasargad", "Bank Pasargad", [("fa", "بانک پاسارگاد")], "p"),
    entity("ansar", "Ansar Bank", [("fa", "بانک انصار")], "p"),
    entity("saman", "Saman Bank", [("fa", "بانک سامان")], "p"),
    entity("day", "Day Bank", [("fa", "بانک دی")], "p"),
    entity("karafarin", "Karafarin Bank", [("fa", "بانک کارآفرین")], "p"),
    entity("postbank", "Post Bank of Iran", [("fa", "پست بانک ایران")]),
    entity(
        "bim",
        "Bank of Industry and Mine",
        [("fa", "بانک صنعت و معدن")],
        rom=[("fa", "بانک صنعت و معدن", "Bank Sanat va Madan", "Persian romanisation")],
    ),
    entity("ghavamin", "Ghavamin Bank", [("fa", "بانک قوامین")], "p"),
    entity("en-bank", "Eghtesad Novin Bank", [("fa", "بانک اقتصاد نوین")], "p"),
    entity("shahr", "Shahr Bank", [("fa", "بانک شهر")], "p"),
    entity(
        "idro",
        "Industrial Development and Renovation Organization of Iran",
        [("fa", "سازمان گسترش و نوسازی صنایع ایران")],
        rom=[
            (
                "fa",
                "سازمان گسترش و نوسازی صنایع ایران",
                "Sazman-e Gostaresh va Nowsazi-ye Sanaye-e Iran",
                "Persian romanisation",
            )
        ],
    ),
    entity("npc", "National Petrochemical Company", [("fa", "شرکت ملی صنایع پتروشیمی")]),
    entity("nicico", "National Iranian Copper Industries Company", [("fa", "شرکت ملی صنایع مس ایران")]),
    entity("msc", "Mobarakeh Steel Company", [("fa", "شرکت فولاد مبارکه اصفهان")], "p"),
    entity("saipa", "SAIPA", [("fa", "شرکت سایپا")], "p"),
    entity("shirazu", "Shiraz University", [("fa", "دانشگاه شیراز")], "p"),
    entity("tabrizu", "University of Tabriz", [("fa", "دانشگاه تبریز")], "p"),
    entity("shahroodu", "Shahrood University of Technology", [("fa", "دانشگاه صنعتی شاهرود")], "p"),
    entity("semnanu", "Semnan University", [("fa", "دانشگاه سمنان")], "p"),
    entity("modares", "Tarbiat Modares University", [("fa", "دانشگاه تربیت مدرس")], "p"),
    entity("sahand", "Sahand University of Technology", [("fa", "دانشگاه صنعتی سهند")], "p"),
    entity("babol", "Babol Noshirvani University of Technology", [("fa", "دانشگاه صنعتی نوشیروانی بابل")], "p"),
    entity("yazdu", "Yazd University", [("fa", "دانشگاه یزد")], "p"),
    entity("kashanu", "University of Kashan", [("fa", "دانشگاه کاشان")], "p"),
    entity("raziu", "Razi University", [("fa", "دانشگاه رازی")], "p"),
    entity("basu", "Bu-Ali Sina University", [("fa", "دانشگاه بوعلی سینا")], "p"),
    entity("iau", "Islamic Azad University", [("fa", "دانشگاه آزاد اسلامی")]),
    entity("pnu", "Payame Noor University", [("fa", "دانشگاه پیام نور")], "p"),
    entity("atu", "Allameh Tabataba'i University", [("fa", "دانشگاه علامه طباطبائی")], "p"),
    entity("guilan", "University of Guilan", [("fa", "دانشگاه گیلان")], "p"),
    # Iranian persons
    entity("p-rouhani", "Hassan Rouhani", [("fa", "حسن روحانی")], "p"),
    entity("p-zarif", "Mohammad Javad Zarif", [("fa", "محمدجواد ظریف")], "p"),
    entity("p-larijani", "Ali Larijani", [("fa", "علی لاریجانی")], "p"),
    entity("p-salehi", "Ali Akbar Salehi", [("fa", "علی‌اکبر صالحی")], "p"),
    entity("p-hatami", "Amir Hatami", [("fa", "امیر حاتمی")], "p"),
    entity("p-dehghan", "Hossein Dehghan", [("fa", "حسین دهقان")], "p"),
    entity("p-hajizadeh", "Amir Ali Hajizadeh", [("fa", "امیرعلی حاجی‌زاده")], "p"),
    entity("p-jalili", "Saeed Jalili", [("fa", "سعید جلیلی")], "p"),
    # ---------------- Arab states ----------------
    entity(
        "kacst",
        "King Abdulaziz City for Science and Technology",
        [("ar", "مدينة الملك عبدالعزيز للعلوم والتقنية")],
        "p",
    ),
    entity(
        "kfupm", "King Fahd University of Petroleum and Minerals", [("ar", "جامعة الملك فهد للبترول والمعادن")], "p"
    ),
    entity(
        "kaust",
        "King Abdullah University of Science and Technology",
        [("ar", "جامعة الملك عبدالله للعلوم والتقنية")],
        "p",
    ),
    entity("ksu", "King Saud University", [("ar", "جامعة الملك سعود")], "p"),
    entity("kau", "King Abdulaziz University", [("ar", "جامعة الملك عبدالعزيز")], "p"),
    entity("sami", "Saudi Arabian Military Industries", [("ar", "الشركة السعودية للصناعات العسكرية")]),
    entity("gami", "General Authority for Military Industries", [("ar", "الهيئة العامة للصناعات العسكرية")]),
    entity("aramco", "Saudi Arabian Oil Company", [("ar", "شركة الزيت العربية السعودية")]),
    entity("sabic", "Saudi Basic Industries Corporation", [("ar", "الشركة السعودية للصناعات الأساسية")]),
    entity("cb-syria", "Central Bank of Syria", [("ar", "مصرف سورية المركزي")]),
    entity("reb-syria", "Real Estate Bank", [("ar", "المصرف العقاري")]),
    entity("baath-u", "Al-Baath University", [("ar", "جامعة البعث")], "p"),
    entity("spc-syria", "Syrian Petroleum Company", [("ar", "الشركة السورية للنفط")]),
    entity("mhe-syria", "Military Housing Establishment", [("ar", "مؤسسة الإسكان العسكرية")]),
    entity("gid-syria", "General Intelligence Directorate", [("ar", "إدارة المخابرات العامة")]),
    entity("afid-syria", "Air Force Intelligence Directorate", [("ar", "إدارة المخابرات الجوية")]),
    entity("mid-syria", "Military Intelligence Directorate", [("ar", "شعبة المخابرات العسكرية")]),
    entity("psd-syria", "Political Security Directorate", [("ar", "شعبة الأمن السياسي")]),
    entity(
        "aoi",
        "Arab Organization for Industrialization",
        [("ar", "الهيئة العربية للتصنيع")],
        rom=[("ar", "الهيئة العربية للتصنيع", "Al-Hay'a al-Arabiya lil-Tasnee", "Arabic romanisation")],
    ),
    entity(
        "khalifa-u", "Khalifa University of Science and Technology", [("ar", "جامعة خليفة للعلوم والتكنولوجيا")], "p"
    ),
    entity("aabu", "Al al-Bayt University", [("ar", "جامعة آل البيت")], "p"),
    entity("hizballah", "Hizballah", [("ar", "حزب الله")], "p"),
    entity("ansarallah", "Ansarallah", [("ar", "أنصار الله")], "p"),
    # ---------------- Pakistan ----------------
    entity("psm", "Pakistan Steel Mills", [("ur", "پاکستان اسٹیل ملز")], "l"),
    entity("sbp", "State Bank of Pakistan", [("ur", "اسٹیٹ بینک آف پاکستان")], "l"),
    entity("pu-pk", "University of the Punjab", [("ur", "جامعہ پنجاب")], "p"),
    entity("uok", "University of Karachi", [("ur", "جامعہ کراچی")], "p"),
    entity("aiou", "Allama Iqbal Open University", [("ur", "علامہ اقبال اوپن یونیورسٹی")], "l"),
    entity("pak-army", "Pakistan Army", [("ur", "پاک فوج")]),
    entity("pak-navy", "Pakistan Navy", [("ur", "پاک بحریہ")]),
    entity("isi", "Inter-Services Intelligence", [("ur", "انٹر سروسز انٹیلی جنس")], "l"),
    entity("ispr", "Inter-Services Public Relations", [("ur", "انٹر سروسز پبلک ریلیشنز")], "l"),
    # ---------------- India ----------------
    entity("in-mod", "Ministry of Defence, Government of India", [("hi", "रक्षा मंत्रालय, भारत सरकार")]),
    entity("in-mea", "Ministry of External Affairs, Government of India", [("hi", "विदेश मंत्रालय, भारत सरकार")]),
    entity("in-army", "Indian Army", [("hi", "भारतीय थल सेना")]),
    entity("in-af", "Indian Air Force", [("hi", "भारतीय वायु सेना")]),
    entity("in-navy", "Indian Navy", [("hi", "भारतीय नौसेना")]),
    entity("rbi", "Reserve Bank of India", [("hi", "भारतीय रिज़र्व बैंक")]),
    entity("sbi", "State Bank of India", [("hi", "भारतीय स्टेट बैंक")]),
    entity(
        "csir",
        "Council of Scientific and Industrial Research",
        [("hi", "वैज्ञानिक तथा औद्योगिक अनुसंधान परिषद")],
        rel=["ncl"],
    ),
    entity("ncl", "National Chemical Laboratory", [("hi", "राष्ट्रीय रासायनिक प्रयोगशाला")], rel=["csir"]),
    entity("iitr", "Indian Institute of Technology Roorkee", [("hi", "भारतीय प्रौद्योगिकी संस्थान रुड़की")], "p"),
    entity("iitg", "Indian Institute of Technology Guwahati", [("hi", "भारतीय प्रौद्योगिकी संस्थान गुवाहाटी")], "p"),
    entity("hcl", "Hindustan Copper Limited", [("hi", "हिंदुस्तान कॉपर लिमिटेड")], "l"),
    entity("bpcl", "Bharat Petroleum Corporation Limited", [("hi", "भारत पेट्रोलियम कॉर्पोरेशन लिमिटेड")], "l"),
    entity("iocl", "Indian Oil Corporation Limited", [("hi", "इंडियन ऑयल कॉर्पोरेशन लिमिटेड")], "l"),
    # ---------------- Russia ----------------
    entity("sozvezdie", "JSC Concern Sozvezdie", [("ru", "АО «Концерн «Созвездие»")], "p"),
    entity("vega", "Vega Radio Engineering Corporation", [("ru", "АО «Концерн радиостроения «Вега»")], "p"),
    entity(
        "uvz",
        "Research and Production Corporation Uralvagonzavod",
        [("ru", "АО «Научно-производственная корпорация «Уралвагонзавод» имени Ф. Э. Дзержинского»")],
        "p",
    ),
    entity("kamaz", "KAMAZ PJSC", [("ru", "ПАО «КАМАЗ»")], "p"),
    entity("russian-heli", "Russian Helicopters JSC", [("ru", "АО «Вертолёты России»")]),
    entity("agat", "Concern Morinformsystem-Agat", [("ru", "АО «Концерн «Моринформсистема-Агат»")], "p"),
    entity("kometa", "Corporation Kometa", [("ru", "АО «Корпорация «Комета»")], "p"),
    entity("hps", "High Precision Systems", [("ru", "АО «НПО «Высокоточные комплексы»")], rel=["kbm", "kurgan"]),
    entity("bazalt", "NPO Bazalt", [("ru", "АО «Научно-производственное объединение «Базальт»")], "p"),
    entity("irkut", "Irkut Corporation", [("ru", "ПАО «Корпорация «Иркут»")], "p"),
    entity(
        "kupol",
        "Izhevsk Electromechanical Plant Kupol",
        [("ru", "АО «Ижевский электромеханический завод «Купол»")],
        "p",
    ),
    entity("obukhov", "Obukhov Plant", [("ru", "АО «Обуховский завод»")], "p"),
    entity("kurgan", "Kurganmashzavod", [("ru", "АО «Курганмашзавод»")], "p", rel=["hps"]),
    entity(
        "kbm",
        "Research and Production Corporation Konstruktorskoye Byuro Mashinostroyeniya",
        [("ru", "АО «Научно-производственная корпорация «Конструкторское бюро машиностроения»")],
        "p",
        rel=["hps"],
    ),
    entity(
        "ru-mod",
        "Ministry of Defence of the Russian Federation",
        [("ru", "Министерство обороны Российской Федерации")],
        rel=["gru", "fsvts"],
    ),
    entity(
        "fsb",
        "Federal Security Service of the Russian Federation",
        [("ru", "Федеральная служба безопасности Российской Федерации")],
    ),
    entity(
        "svr",
        "Foreign Intelligence Service of the Russian Federation",
        [("ru", "Служба внешней разведки Российской Федерации")],
    ),
    entity(
        "gru",
        "Main Directorate of the General Staff of the Armed Forces of the Russian Federation",
        [("ru", "Главное управление Генерального штаба Вооружённых сил Российской Федерации")],
        rel=["ru-mod"],
    ),
    entity(
        "fsvts",
        "Federal Service for Military-Technical Cooperation",
        [("ru", "Федеральная служба по военно-техническому сотрудничеству")],
        rel=["ru-mod"],
    ),
    entity(
        "minpromtorg",
        "Ministry of Industry and Trade of the Russian Federation",
        [("ru", "Министерство промышленности и торговли Российской Федерации")],
    ),
    entity(
        "fso",
        "Federal Protective Service of the Russian Federation",
        [("ru", "Федеральная служба охраны Российской Федерации")],
    ),
    entity(
        "spbu", "Saint Petersburg State University", [("ru", "Санкт-Петербургский государственный университет")], "p"
    ),
    entity("nsu", "Novosibirsk State University", [("ru", "Новосибирский государственный университет")], "p"),
    entity(
        "nstu",
        "Novosibirsk State Technical University",
        [("ru", "Новосибирский государственный технический университет")],
        "p",
    ),
    entity("kfu", "Kazan Federal University", [("ru", "Казанский федеральный университет")], "p"),
    entity("urfu", "Ural Federal University", [("ru", "Уральский федеральный университет")], "p"),
    entity("mpei", "Moscow Power Engineering Institute", [("ru", "Национальный исследовательский университет «МЭИ»")]),
    entity(
        "mephi",
        "National Research Nuclear University MEPhI",
        [("ru", "Национальный исследовательский ядерный университет «МИФИ»")],
    ),
    entity(
        "samara-u",
        "Samara National Research University",
        [("ru", "Самарский национальный исследовательский университет имени академика С. П. Королёва")],
        "p",
    ),
    entity(
        "spbpu",
        "Peter the Great St. Petersburg Polytechnic University",
        [("ru", "Санкт-Петербургский политехнический университет Петра Великого")],
        "p",
    ),
    entity(
        "usatu",
        "Ufa State Aviation Technical University",
        [("ru", "Уфимский государственный авиационный технический университет")],
        "p",
    ),
    entity("ras", "Russian Academy of Sciences", [("ru", "Российская академия наук")], rel=["iki"]),
    entity(
        "iki",
        "Space Research Institute of the Russian Academy of Sciences",
        [("ru", "Институт космических исследований Российской академии наук")],
        rel=["ras"],
    ),
    entity("jinr", "Joint Institute for Nuclear Research", [("ru", "Объединённый институт ядерных исследований")]),
    entity("tversu", "Tver State University", [("ru", "Тверской государственный университет")], "p"),
    entity("tuvsu", "Tuva State University", [("ru", "Тувинский государственный университет")], "p"),
    entity("sber", "Sberbank of Russia", [("ru", "ПАО Сбербанк")], "p"),
    entity("vtb", "VTB Bank", [("ru", "Банк ВТБ (ПАО)")], "p"),
    entity("gpb", "Gazprombank", [("ru", "«Газпромбанк» (АО)")], "p"),
    entity("psb", "Promsvyazbank", [("ru", "ПАО «Промсвязьбанк»")], "p"),
    entity("p-rogozin", "Dmitry Rogozin", [("ru", "Дмитрий Рогозин")], "p"),
    entity("p-chemezov", "Sergei Chemezov", [("ru", "Сергей Чемезов")], "p"),
    entity("p-borisov", "Yury Borisov", [("ru", "Юрий Борисов")], "p"),
    entity("p-shoigu", "Sergei Shoigu", [("ru", "Сергей Шойгу")], "p"),
    entity("p-belousov", "Andrei Belousov", [("ru", "Андрей Белоусов")], "p"),
    entity("p-manturov", "Denis Manturov", [("ru", "Денис Мантуров")], "p"),
    # ---------------- Belarus ----------------
    entity(
        "belaruskali",
        "Belaruskali OAO",
        [("ru", "ОАО «Беларуськалий»")],
        "p",
        rom=[("ru", "ОАО «Беларуськалий»", "OAO Belaruskaliy", "BGN/PCGN")],
    ),
    entity("naftan", "Naftan OAO", [("ru", "ОАО «Нафтан»")], "p"),
    entity("belshina", "Belshina OAO", [("ru", "ОАО «Белшина»")], "p"),
    entity("gomselmash", "Gomselmash OJSC", [("ru", "ОАО «Гомсельмаш»")], "p"),
    entity(
        "goskomvoenprom",
        "State Authority for Military Industry of the Republic of Belarus",
        [("ru", "Государственный военно-промышленный комитет Республики Беларусь")],
        rom=[
            (
                "ru",
                "Государственный военно-промышленный комитет Республики Беларусь",
                "Gosudarstvennyy Voyenno-promyshlennyy Komitet Respubliki Belarus",
                "BGN/PCGN",
            )
        ],
    ),
    entity("kb-radar", "KB Radar", [("ru", "ОАО «КБ Радар»")], "p"),
    entity("tetraedr", "Tetraedr", [("ru", "Тетраэдр")], "p"),
    entity("minotor", "Minotor-Service", [("ru", "ОАО «Минотор-Сервис»")], "p"),
    entity(
        "nasb",
        "National Academy of Sciences of Belarus",
        [("ru", "Национальная академия наук Беларуси"), ("be", "Нацыянальная акадэмія навук Беларусі")],
    ),
    entity("bch", "Belarusian Railway", [("ru", "Белорусская железная дорога"), ("be", "Беларуская чыгунка")]),
    # ---------------- Ukraine ----------------
    entity(
        "yuzhnoye",
        "Yuzhnoye State Design Office named after M. K. Yangel",
        [("uk", "Державне підприємство «Конструкторське бюро «Південне» ім. М. К. Янгеля»")],
        "p",
    ),
    entity(
        "yuzhmash",
        "Yuzhny Machine-Building Plant named after A. M. Makarov",
        [("uk", "Державне підприємство «Виробниче об'єднання Південний машинобудівний завод імені О. М. Макарова»")],
        "p",
    ),
    entity("motorsich", "Motor Sich JSC", [("uk", "АТ «Мотор Січ»")], "p"),
    entity("antonov", "Antonov Company", [("uk", "ДП «Антонов»")], "p"),
    entity("ivchenko", "Ivchenko-Progress", [("uk", "Державне підприємство «Івченко-Прогрес»")], "p"),
    entity("malyshev", "Malyshev Plant", [("uk", "ДП «Завод імені В. О. Малишева»")], "p", rel=["kmdb"]),
    entity(
        "kmdb",
        "Kharkiv Morozov Machine Building Design Bureau",
        [("uk", "ДП «Харківське конструкторське бюро з машинобудування імені О. О. Морозова»")],
        "p",
        rel=["malyshev"],
    ),
    entity("ssau", "State Space Agency of Ukraine", [("uk", "Державне космічне агентство України")]),
    entity("ukroboronprom", "Ukroboronprom", [("uk", "Державний концерн «Укроборонпром»")], "p"),
    entity(
        "khpi",
        'National Technical University "Kharkiv Polytechnic Institute"',
        [("uk", "Національний технічний університет «Харківський політехнічний інститут»")],
        "p",
    ),
    entity(
        "kpi",
        "Igor Sikorsky Kyiv Polytechnic Institute",
        [("uk", "Київський політехнічний інститут імені Ігоря Сікорського")],
        "p",
    ),
    entity("luch", "Luch Design Bureau", [("uk", "Державне київське конструкторське бюро «Луч»")], "p"),
    entity(
        "hur",
        "Main Directorate of Intelligence of the Ministry of Defence of Ukraine",
        [("uk", "Головне управління розвідки Міністерства оборони України")],
    ),
]
BY_KEY = {e["key"]: e for e in ENTITIES}
assert len(BY_KEY) == len(ENTITIES), "duplicate entity key"

# Groups of different real bodies whose names are easily confused. (category, description, cap, keys)
GROUPS = [
    (
        "similar_name",
        "two Chinese Academy of Sciences institutes",
        22,
        ["ciomp", "siom", "xiopm", "ioe", "imech", "semi", "sia", "ict", "ioa", "dicp", "imr", "simit", "aircas"],
    ),
    (
        "shared_tokens",
        "two Chinese research or military bodies",
        12,
        ["iapcm", "cardc", "jict", "ams", "ict", "aircas", "caea", "plan", "plagf", "pap"],
    ),
    ("similar_name", "two PLA universities", 6, ["pla-ieu", "pla-aeu", "pla-afeu", "pla-nue"]),
    (
        "similar_name",
        "two national supercomputing centres in different cities",
        16,
        ["nsc-wuxi", "nsc-changsha", "nsc-shenzhen", "nsc-guangzhou", "nsc-tianjin", "nsc-jinan", "nsc-zhengzhou"],
    ),
    (
        "shared_tokens",
        "two Chinese government bodies",
        10,
        ["sastind", "miit", "mofcom", "most", "gacc", "caea", "edd", "ndrc"],
    ),
    (
        "shared_tokens",
        "two Chinese state-owned groups",
        18,
        [
            "cnpc",
            "sinopec",
            "cnooc",
            "chemchina",
            "sinochem",
            "baowu",
            "chinalco",
            "cnmc",
            "crrc",
            "cscec",
            "cccc",
            "chinatelecom",
            "chinamobile",
            "chinaunicom",
        ],
    ),
    ("shared_tokens", "two airlines", 6, ["airchina", "ceair", "csair", "chinaairlines"]),
    (
        "shared_tokens",
        "two Chinese or Taiwanese technology companies",
        16,
        ["smic", "dahua", "iflytek", "megvii", "sensetime", "dji", "ymtc", "sugon", "phytium", "tsmc", "umc", "honhai"],
    ),
    ("similar_name", "two aircraft makers", 8, ["hongdu", "hafei", "shaanxi-ac", "changhe", "aidc"]),
    (
        "shared_tokens",
        "two shipbuilders",
        20,
        [
            "jiangnan",
            "hudong",
            "dsic",
            "csbc",
            "hanwha-ocean",
            "hd-hhi",
            "shi",
            "mdl",
            "grse",
            "gsl",
            "csl",
            "admiralty",
            "sevmash",
            "zvezdochka",
            "rubin",
        ],
    ),
    (
        "similar_name",
        "two Chinese universities",
        30,
        [
            "fudan",
            "zju",
            "whu",
            "hust",
            "sysu",
            "xmu",
            "tongji",
            "seu",
            "dlut",
            "neu",
            "jlu",
            "sdu",
            "csu",
            "bupt",
            "nupt",
            "nankai",
            "scut",
            "whut",
            "sylu",
            "sut",
            "sau",
            "nchu",
            "nuc",
            "xatu",
            "xaut",
            "hdu",
            "cust",
            "ccut",
            "jnu",
            "ujn",
            "jiangnan-u",
            "ysu",
            "ybu",
            "xtu",
            "just",
            "jxust",
            "cauc",
        ],
    ),
    (
        "similar_name",
        "two universities in Taiwan or Hong Kong",
        8,
        ["ncku", "ntu-tw", "ncu-tw", "polyu", "hkust", "cuhk"],
    ),
    (
        "shared_tokens",
        "two South Korean or Taiwanese research or government bodies",
        14,
        ["add", "dapa", "kaeri", "kaist", "etri", "dtaq", "kins", "nssc", "motie", "rok-mnd", "nis", "itri", "ncsist"],
    ),
    (
        "similar_name",
        "two South Korean universities or institutes of science and technology",
        12,
        ["snu", "postech", "yonsei", "koreau", "hanyang", "inha", "inje", "gist", "unist", "dgist", "kaist"],
    ),
    (
        "shared_tokens",
        "two South Korean companies",
        14,
        [
            "hanwha-aero",
            "hanwha-sys",
            "lignex1",
            "rotem",
            "poongsan",
            "samsung-elec",
            "samsung-ct",
            "hyundai-corp",
            "lx-intl",
            "posco-intl",
            "doosan-enerbility",
            "hanwha-ocean",
            "hd-hhi",
            "shi",
        ],
    ),
    (
        "similar_name",
        "two North Korean state bodies",
        10,
        ["mss", "mnd-kp", "mss-kp", "maei", "ogd", "pad", "office39"],
    ),
    (
        "shared_tokens",
        "two North Korean banks, institutes or papers",
        6,
        ["koryo-bank", "ilsim", "yongbyon", "rodong", "khj-univ", "htsu"],
    ),
    (
        "similar_name",
        "two North Korean officials",
        8,
        ["p-choe-rh", "p-kim-yj", "p-pak-pj", "p-choe-sh", "p-kim-ychol", "p-kim-ychun", "p-jo-yw", "p-pak-jc"],
    ),
    (
        "similar_name",
        "two Iranian banks",
        18,
        [
            "cbi",
            "parsian",
            "sina",
            "pasargad",
            "ansar",
            "saman",
            "day",
            "karafarin",
            "postbank",
            "bim",
            "ghavamin",
            "en-bank",
            "shahr",
        ],
    ),
    ("shared_tokens", "two Iranian industrial bodies", 8, ["idro", "npc", "nicico", "msc", "saipa"]),
    (
        "similar_name",
        "two Iranian universities",
        18,
        [
            "shirazu",
            "tabrizu",
            "shahroodu",
            "semnanu",
            "modares",
            "sahand",
            "babol",
            "yazdu",
            "kashanu",
            "raziu",
            "basu",
            "iau",
            "pnu",
            "atu",
            "guilan",
        ],
    ),
    (
        "similar_name",
        "two Iranian officials",
        6,
        ["p-rouhani", "p-zarif", "p-larijani", "p-salehi", "p-hatami", "p-dehghan", "p-hajizadeh", "p-jalili"],
    ),
    (
        "shared_tokens",
        "two Saudi or Gulf bodies",
        12,
        ["kacst", "kfupm", "kaust", "ksu", "kau", "sami", "gami", "aramco", "sabic", "khalifa-u"],
    ),
    (
        "similar_name",
        "two Syrian state bodies",
        12,
        [
            "cb-syria",
            "reb-syria",
            "baath-u",
            "spc-syria",
            "mhe-syria",
            "gid-syria",
            "afid-syria",
            "mid-syria",
            "psd-syria",
        ],
    ),
    (
        "shared_tokens",
        "two Pakistani bodies",
        10,
        ["psm", "sbp", "pu-pk", "uok", "aiou", "pak-army", "pak-navy", "isi", "ispr"],
    ),
    (
        "shared_tokens",
        "two Indian bodies",
        14,
        [
            "in-mod",
            "in-mea",
            "in-army",
            "in-af",
            "in-navy",
            "rbi",
            "sbi",
            "csir",
            "ncl",
            "iitr",
            "iitg",
            "hcl",
            "bpcl",
            "iocl",
        ],
    ),
    (
        "shared_tokens",
        "two Russian defence-industry companies",
        14,
        [
            "sozvezdie",
            "vega",
            "uvz",
            "kamaz",
            "russian-heli",
            "agat",
            "kometa",
            "hps",
            "bazalt",
            "irkut",
            "kupol",
            "obukhov",
            "kurgan",
            "kbm",
        ],
    ),
    ("similar_name", "two Russian federal bodies", 10, ["ru-mod", "fsb", "svr", "gru", "fsvts", "minpromtorg", "fso"]),
    (
        "similar_name",
        "two Russian universities or research institutes",
        16,
        [
            "spbu",
            "nsu",
            "nstu",
            "kfu",
            "urfu",
            "mpei",
            "mephi",
            "samara-u",
            "spbpu",
            "usatu",
            "ras",
            "iki",
            "jinr",
            "tversu",
            "tuvsu",
        ],
    ),
    ("similar_name", "two Russian banks", 4, ["sber", "vtb", "gpb", "psb"]),
    (
        "similar_name",
        "two Russian officials",
        4,
        ["p-rogozin", "p-chemezov", "p-borisov", "p-shoigu", "p-belousov", "p-manturov"],
    ),
    (
        "shared_tokens",
        "two Belarusian bodies",
        10,
        [
            "belaruskali",
            "naftan",
            "belshina",
            "gomselmash",
            "goskomvoenprom",
            "kb-radar",
            "tetraedr",
            "minotor",
            "nasb",
            "bch",
        ],
    ),
    (
        "shared_tokens",
        "two Ukrainian bodies",
        14,
        [
            "yuzhnoye",
            "yuzhmash",
            "motorsich",
            "antonov",
            "ivchenko",
            "malyshev",
            "kmdb",
            "ssau",
            "ukroboronprom",
            "khpi",
            "kpi",
            "luch",
            "hur",
        ],
    ),
    ("similar_name", "defence ministries of different states", 6, ["rok-mnd", "roc-mnd", "mnd-kp", "in-mod", "ru-mod"]),
]
# Pairs never used as negatives although they fall into one group (parent/unit, predecessor, close affiliation).
for e in ENTITIES:
    for r in e["rel"]:
        assert r in BY_KEY, (e["key"], r)


# Share of each group cap that is used (the caps above were sized for a larger set).
CAP_PERCENT = 65


def norm_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def pair_key(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((norm_key(a), norm_key(b))))


# How many native-vs-English `script` positives to keep per script (the entity table is larger because it also
# feeds the negatives). Chosen deterministically with the seed; romanised forms are always kept.
SCRIPT_CAP = {"zh": 30, "zt": 10, "ko": 24, "fa": 15, "ar": 12, "ur": 6, "hi": 9, "ru": 16, "be": 2, "uk": 8}


def script_rows(rng: random.Random) -> list[list[str]]:
    pool: dict[str, list[tuple[dict, str]]] = {}
    for e in ENTITIES:
        for lang, text in e["nat"]:
            pool.setdefault(lang, []).append((e, text))
    keep: set[tuple[str, str]] = set()
    for lang, items in sorted(pool.items()):
        idx = list(range(len(items)))
        rng.shuffle(idx)
        for i in idx[: SCRIPT_CAP[lang]]:
            keep.add((items[i][0]["key"], items[i][1]))
    rows = []
    i = 0
    for e in ENTITIES:
        for lang, text in e["nat"]:
            if (e["key"], text) not in keep:
                continue
            how = "personal name transliterated" if e["key"].startswith("p-") else HOW[e["how"]]
            same = "same person" if e["key"].startswith("p-") else "same body"
            note = f"{LANG[lang]} name vs English name ({how}); {same}"
            rows.append([text, e["en"], "1", "script", note] if i % 2 == 0 else [e["en"], text, "1", "script", note])
            i += 1
        for lang, text, latin, system in e["rom"]:
            note = f"{LANG[lang]} name vs its {system} romanisation; same body ({e['en']})"
            rows.append([latin, text, "1", "script", note] if i % 2 == 0 else [text, latin, "1", "script", note])
            i += 1
    return rows


def group_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for category, desc, cap, keys in GROUPS:
        pairs = [
            (a, b)
            for a, b in itertools.combinations(keys, 2)
            if b not in BY_KEY[a]["rel"] and a not in BY_KEY[b]["rel"]
        ]
        rng.shuffle(pairs)
        for n, (a, b) in enumerate(pairs[: max(2, cap * CAP_PERCENT // 100)]):
            ea, eb = BY_KEY[a], BY_KEY[b]
            forms = ["en-en", "nat-en", "en-nat"]
            form = forms[n % 3]
            if form == "en-en" or not ea["nat"] or not eb["nat"]:
                q, listed = ea["en"], eb["en"]
                what = ""
            elif form == "nat-en":
                q, listed = ea["nat"][0][1], eb["en"]
                what = f"; native name of {ea['en']} vs English name of the other"
            else:
                q, listed = ea["en"], eb["nat"][0][1]
                what = f"; English name vs native name of {eb['en']}"
            note = f"{desc}: {ea['en']} vs {eb['en']}, different bodies{what}"
            rows.append([q, listed, "0", category, note])
    return rows


def read_handwritten(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == HEADER, header
        return [row for row in reader if row and any(c.strip() for c in row)]


def check_row(row: list[str], origin: str) -> None:
    assert len(row) == 5, (origin, row)
    q, listed, label, cat, note = row
    assert q.strip() and listed.strip() and note.strip(), (origin, row)
    assert label in {"0", "1"}, (origin, row)
    assert cat in (POSITIVE if label == "1" else NEGATIVE), (origin, row)


def build(out: Path) -> dict:
    rng = random.Random(SEED)
    candidates = [("hand", r) for r in read_handwritten(HERE / "handwritten.csv")]
    candidates += [("script", r) for r in script_rows(rng)]
    candidates += [("group", r) for r in group_rows(rng)]
    seen: dict[tuple[str, str], list[str]] = {}
    labels: dict[tuple[str, str], set[str]] = {}
    for origin, row in candidates:
        check_row(row, origin)
        k = pair_key(row[0], row[1])
        assert k[0] != k[1], ("identical names", row)
        labels.setdefault(k, set()).add(row[2])
        seen.setdefault(k, row)
    conflicts = [k for k, v in labels.items() if len(v) > 1]
    for k in conflicts:
        print(f"warning: pair with both labels dropped: {k}", file=sys.stderr)
        del seen[k]
    rows = list(seen.values())
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r[2], r[3])] = counts.get((r[2], r[3]), 0) + 1
    return counts


def main() -> int:
    counts = build(HERE / "pairs.csv")
    for (label, cat), n in sorted(counts.items(), key=lambda x: (-int(x[0][0]), x[0][1])):
        print(f"{label}\t{cat}\t{n}")
    print(
        "total",
        sum(counts.values()),
        "positive",
        sum(n for (label, _), n in counts.items() if label == "1"),
        "negative",
        sum(n for (label, _), n in counts.items() if label == "0"),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
