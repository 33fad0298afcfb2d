"""Build ``pairs.csv``: the labelled evaluation set for restricted-party name matching.

Run: .venv/bin/python tests/screening/eval/build_pairs.py [--entities PATH] [--out PATH]

Inputs: the missile-sanctions reference list (``missile-sanctions-entities.csv``; found under
``shared/reference/`` of the checkout or of its parent folder unless ``--entities`` is given) and
``handwritten.csv`` next to this file. Output: ``pairs.csv`` next to this file (committed).

Deterministic: one seeded ``random.Random``, inputs read in file order, every set iterated sorted.
Each generated pair says how it was made in ``note``. See README.md for the categories.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

HERE = Path(__file__).resolve().parent
SEED = 20240505
HEADER = ("query", "list_name", "label", "category", "note")
POSITIVE = ("alias", "transliteration", "acronym", "reorder", "typo", "company_form", "script", "punctuation")
NEGATIVE = (
    "similar_name",
    "shared_tokens",
    "same_country_generic",
    "short_name",
    "person_vs_org",
    "near_typo_different",
)

# Target sizes of the generated (not hand-written) part of each category.
TARGETS = {
    "typo": 70,
    "reorder": 45,
    "company_form": 60,
    "punctuation": 45,
    "shared_tokens": 560,
    "similar_name": 560,
    "same_country_generic": 430,
    "short_name": 80,
    "person_vs_org": 190,
    "near_typo_different": 190,
}

PERSON_IDS = frozenset(
    {f"MTS-{n:04d}" for n in (*range(27, 35), *range(78, 84), 98, 115)},
)

# Entities that are the same, predecessors/successors, parents/units or fronts of one another, or share
# an alias: never paired as negatives (the label would be arguable).
RELATED_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(f"MTS-{n:04d}" for n in group)
    for group in (
        (1, 3, 10),  # KOMID, its bank, Kumryong (a KOMID alias)
        (9, 18),  # KCST and its successor NATA/NADA
        (14, 15),  # SANS is an alias of ANDS
        (35, 54, 72),  # SHIG, SAPICO, SHIG department 7500
        (39, 45),  # "Instrumentation Factor(y|ies) Plant" on both
        (84, 105),  # CPMIEC and its Shanghai Pudong company
        (85, 86),  # CGWIC and G.W. Aerospace
        (87, 88, 89, 90, 91, 92, 93, 94),  # MAI and its 1993 bodies (predecessors of CASC/CASIC units)
        (97, 98, 99, 100, 101, 102, 103, 104, 115),  # Li Fangwei network
        (133, 136, 137, 138, 139),  # ISRO and its centres
        (134, 135),  # DRDL is part of the Hyderabad missile complex
        (121, 130),  # NDC is a NESCOM unit
    )
)

# Published aliases that share no word, sound or initials with the primary name: a string matcher cannot
# link them (the list lookup does), so they are left out of the pair set.
UNRELATED_ALIASES = frozenset(
    {
        "CHANGGWANG SINYONG CORPORATION",
        "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
        "KOREA KUMRYONG TRADING COMPANY",
        "LYONGAKSAN GENERAL TRADING CORPORATION",
        "CHANGGWANG CREDIT BANK",
        "KOREA CHANGGWANG CREDIT BANK",
        "Kuryonggang Trading Corporation",
        "Ryungseng Trading Corporation",
        "Ryung Seng Trading Corporation",
        "Ryungsong Trading Corporation",
        "Kore Kuryonggang Trading Corporation",
        "KOREA KURYONGGANG TRADING CORPORATION",
        "CHO'NGSONG UNITED TRADING COMPANY",
        "CHONGSONG YONHAP",
        "CH'O'NGSONG YO'NHAP",
        "CHOSUN CHAWO'N KAEBAL T'UJA HOESA",
        "JINDALLAE",
        "KU'MHAERYONG COMPANY LTD.",
        "NATURAL RESOURCES DEVELOPMENT AND INVESTMENT CORPORATION",
        "SAEINGP'IL COMPANY",
        "National Resources Development and Investment Corporation",
        "Saeng Pil Trading Corporation",
        "SAENGP'IL COMPANY",
        "Huichon Ryonha Machinery General Plant",
        "Unsan",
        "Unsan Solid Tools",
        "Millim Technology Company",
        "Chosun Yunha Machinery Joint Operation Company",
        "CHE 2 CHAYON KWAHAKWON",
        "CHAYON KWAHAK-WON",
        "NATIONAL DEFENSE ACADEMY",
        "KUKPANG KWAHAK-WON",
        "CHE 2 CHAYON KWAHAK-WON",
        "SECOND ACADEMY OF NATURAL SCIENCES",
        "Strategic Force",
        "Strategic Forces",
        "SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY",
        "ARDALAN MACHINERIES COMPANY",
        "SAPICO",
        "ARMACO",
        "SAZMANE SANAYE HAVA FAZA",
        "VEZARAT-E DEFA VA POSHTYBANI-E NIRU-HAYE MOSALLAH",
        "GOVERNMENT OF IRAN DEPARTMENT OF DEFENSE",
        "VEZARATE DEFA",
        "Instrumentation Factory Plant",
        "Naval Defence Missile Industry Group",
        "8TH IMAM INDUSTRIES GROUP",
        "SAMEN AL-A'EMMEH INDUSTRIES GROUP",
        "E. X. Co.",
        "Instrumentation Factories Plant",
        "SHERKAT BATTERY SAZI NIRU SAHAMI KHASS",
        "NIROU BATTERY MANUFACTURING SABA BATTERY COMPANY",
        "PARA CHEMICAL INDUSTRIES",
        "SAZEMANE SANAYE DEFA",
        "SASEMAN SANAJE DEFA",
        "SASADJA",
        "SHIG DEPARTMENT 7500",
        "ASTRONAUTICS SYSTEMS RESEARCH CENTER",
        "AEROSPACE RESEARCH INSTITUTE",
        "Kang Myong Chol",
        "ZHONGGUO JINGMI JIXIE JINCHUKOU ZONGGONGSI",
        "DALIAN SUNNY INDUSTRIES",
        "SUMMIT INDUSTRY CORPORATION",
        "DALIAN SUNNY INDUSTRY & TRADE CO., LTD.",
        "SC (DALIAN) INDUSTRY & TRADE CO., LTD.",
        "WEALTHY OCEAN ENTERPRISES LTD.",
        "ANSI METALLURGY INDUSTRY CO. LTD.",
        "SINO METALLURGY & MINMETALS INDUSTRY CO., LTD.",
        "DALIAN CARBON CO. LTD.",
        "LIAONING INDUSTRY & TRADE CO., LTD.",
        "BLUE SKY INDUSTRY CORPORATION",
        "DALIAN SUNNY INDUSTRY AND TRADE CO., LTD.",
        "SC (DALIAN) INDUSTRY AND TRADE CO., LTD.",
        "SINO METALLURGY AND MINMETALS INDUSTRY CO., LTD.",
        "LIAONING INDUSTRY AND TRADE CO., LTD.",
        "Karl Lee",
        "PATRIC",
        "SUNNY BAI",
        "KL",
        "DAVID LI",
        "LEE, Karl",
        "K. LEE",
        "DALIAN ZENGHUA TRADING CO., LTD.",
        "BEIJING HAILI LIANHE KEJI YOUXIAN GONGSI",
        "CHINA JMM IMPORT & EXPORT SHANGHAI PUDONG CORPORATION",
        "CHINA JMM IMPORT AND EXPORT SHANGHAI PUDONG CORPORATION",
        "Lontek",
        "TIANJIN CHUANGYI YUAN INTERNATIONAL COMMERCIAL TRADE CO LTD.",
        "Steed Luo",
        "OTKRYTOE AKTSIONERNOE OBSHCHESTVO MINSKII ZAVOD KOLESNYKH TYAGACHEI",
        "OJSC MWPT",
        "VOLAT",
        "CENTRE D'ETUDES ET RECHERCHES",
        "Forward Design and Manufacturing",
        "MSM Enterprises",
        "Technopak Engineering",
        "Evropalas 2000",
        "MACHINE INDUSTRY DEPARTMENT",
        "Military Supplies Industry Department",
        "PAK Han Se",
    }
)

# Alias -> category where the automatic classification would be wrong (None: leave the alias out).
ALIAS_CATEGORY: dict[str, str | None] = {
    "KOREA YONBONG GENERAL CORPORATION": "transliteration",
    "DPRKN MINING DEVELOPMENT TRADING COOPERATION": "alias",
    "KOREAN TANGUN TRADING CORPORATION": "alias",
    "Korea Henjin Trading Co.": "transliteration",
    "Korea Hengjin Trading Company": "transliteration",
    "Hunjin TRADING Co.": "transliteration",
    "Korea Ryenha Machinery J/V Corporation": "transliteration",
    "Ryonhwa Machinery Joint Venture Corporation": "transliteration",
    "Ryonhwa Machinery JV": "transliteration",
    "2ND ACADEMY OF NATURAL SCIENCES": "punctuation",
    "Pak Chang-Ho": "transliteration",
    "Paek Ch'ang-Ho": "transliteration",
    "Jang Myong-Jin": "transliteration",
    "Ch’oe Ch’un Sik": "transliteration",
    "Hyon Gwang Il": "transliteration",
    "Pak Do Chun": "transliteration",
    "Pak To’-Ch’un": "transliteration",
    "SHAHID BAGHERI INDUSTRIAL GROUP": "transliteration",
    "SHAHID BABAII INDUSTRIES CO.": "transliteration",
    "SHAHID KHARRAZI INDUSTRIES": "transliteration",
    "SHAHID SHOUSHTARI": "transliteration",
    "SHAHID SHUSHTARI INDUSTRIES": "transliteration",
    "SHAHID SHOSHTARI INDUSTRIES": "transliteration",
    "AMIROLMOMENIN FACTORIES": "transliteration",
    "AMIROLMOMENIN INDUSTRIES": "transliteration",
    "AMIR-AL-MO'MENIN COMPLEX": "alias",
    "NIRU CO. LTD.": "alias",
    "THE NIRU BATTERY COMPANY": "alias",
    "ISLAMIC REVOLUTIONARY GUARD CORPS AEROSPACE FORCE SELF-SUFFICIENCY JEHAD ORGANIZATION": "transliteration",
    "ISLAMIC REVOLUTIONARY GUARD CORPS AEROSPACE FORCE RESEARCH AND SELF SUFFICIENCY JEHAD ORGANIZATION": "alias",
    "KETABCHI, Merhdada Akhlaghi": "transliteration",
    "Reza-Gholi Ismaili": "transliteration",
    "MALEKI, Nasser": "transliteration",
    "VAHID, Ahmed Dastjerdi": None,  # given/surname order in the source is unclear
    "LI FANG WEI": "punctuation",
    "F.W. LI": "alias",
    "UNCHEN TRADING CORP.": "transliteration",
    "KOREA SUNGRISAN TRADING CORPORATION": "transliteration",
    "Defense Research and Development Lab": "alias",
    "INOR Scientific Production Center": "alias",
    "Grafit": "alias",
    "Polyus": "alias",
    "MOSO": "alias",
    "Indian Space Research Organization": "alias",
    "Liquid Propulsion Systems Center": "alias",
    "Sriharikota Space Center": "alias",
    "Vikram Sarabhai Space Center": "alias",
    "DEFENSE INDUSTRIES ORGANIZATION": "alias",
    "MINISTRY OF DEFENCE & ARMED FORCES LOGISTICS": "alias",
    "HONG KONG ELECTRONICS KISH CO.": "alias",
    "OJSC MZKT": "acronym",
    "MINSK WHEELED TRACTOR PLANT": "alias",
    "MINSK WHEEL TRACTOR PLANT JSC": "company_form",
    "MINSK WHEEL TRACTOR PLANT OPEN JOINT STOCK COMPANY": "company_form",
    "A.Q. Khan Research Laboratories": "alias",
    "MS AFFILIATES INTERNATIONAL": "company_form",
    "ROCKSIDE TRADING": "alias",
    "E. S. Co.": "acronym",
    "SEP CO.": "acronym",
    "3MG": "acronym",
    "YMA": "acronym",
    "MODSAF": "acronym",
    "SANSRI": "acronym",
    "NORINCO": "acronym",
    "MZKT": "acronym",
    "ALCO": "acronym",
    "CUC": "acronym",
    "PCF": None,  # acronym of an alias, not of the primary name: paired with the alias below
    "DICO": "acronym",
    "SEP": "acronym",
    "MTC": "acronym",
}

# Alias-to-alias pairs worth keeping (the alias is a form of another alias, not of the primary name).
ALIAS_TO_ALIAS = (
    ("SAPICO", "SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY", "acronym"),
    ("ARMACO", "ARDALAN MACHINERIES COMPANY", "acronym"),
    ("PCF", "PARCHIN CHEMICAL FACTORIES", "acronym"),
    ("Kuryonggang Trading Corporation", "KOREA KURYONGGANG TRADING CORPORATION", "alias"),
    ("Ryung Seng Trading Corporation", "Ryungseng Trading Corporation", "punctuation"),
    ("Ryungsong Trading Corporation", "Ryungseng Trading Corporation", "transliteration"),
    ("Kore Kuryonggang Trading Corporation", "KOREA KURYONGGANG TRADING CORPORATION", "typo"),
    ("CH'O'NGSONG YO'NHAP", "CHONGSONG YONHAP", "punctuation"),
    ("SAENGP'IL COMPANY", "SAEINGP'IL COMPANY", "typo"),
    ("Saeng Pil Trading Corporation", "SAENGP'IL COMPANY", "alias"),
    (
        "National Resources Development and Investment Corporation",
        "NATURAL RESOURCES DEVELOPMENT AND INVESTMENT CORPORATION",
        "typo",
    ),
    ("CHE 2 CHAYON KWAHAK-WON", "CHE 2 CHAYON KWAHAKWON", "punctuation"),
    ("CHAYON KWAHAK-WON", "ACADEMY OF NATURAL SCIENCES", "alias"),
    ("Strategic Forces", "Strategic Force", "punctuation"),
    ("CHANGGWANG CREDIT BANK", "KOREA CHANGGWANG CREDIT BANK", "alias"),
    ("SASEMAN SANAJE DEFA", "SAZEMANE SANAYE DEFA", "transliteration"),
    ("SASADJA", "SASEMAN SANAJE DEFA", "acronym"),
    ("VEZARATE DEFA", "VEZARAT-E DEFA VA POSHTYBANI-E NIRU-HAYE MOSALLAH", "alias"),
    ("Instrumentation Factories Plant", "Instrumentation Factory Plant", "typo"),
    (
        "SINO METALLURGY & MINMETALS INDUSTRY CO., LTD.",
        "SINO METALLURGY AND MINMETALS INDUSTRY CO., LTD.",
        "punctuation",
    ),
    ("DALIAN SUNNY INDUSTRY & TRADE CO., LTD.", "DALIAN SUNNY INDUSTRY AND TRADE CO., LTD.", "punctuation"),
    ("SC (DALIAN) INDUSTRY & TRADE CO., LTD.", "SC (DALIAN) INDUSTRY AND TRADE CO., LTD.", "punctuation"),
    ("LIAONING INDUSTRY & TRADE CO., LTD.", "LIAONING INDUSTRY AND TRADE CO., LTD.", "punctuation"),
    ("DALIAN SUNNY INDUSTRY AND TRADE CO., LTD.", "DALIAN SUNNY INDUSTRIES", "alias"),
    ("LEE, Karl", "Karl Lee", "reorder"),
    ("K. LEE", "Karl Lee", "alias"),
    ("KL", "Karl Lee", "acronym"),
    ("DALIAN ZENGHUA TRADING CO., LTD.", "DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI", "alias"),
    (
        "CHINA JMM IMPORT AND EXPORT SHANGHAI PUDONG CORPORATION",
        "CHINA JMM IMPORT & EXPORT SHANGHAI PUDONG CORPORATION",
        "punctuation",
    ),
    (
        "TIANJIN CHUANGYI YUAN INTERNATIONAL COMMERCIAL TRADE CO LTD.",
        "TIANJIN CREATIVE SOURCE INTERNATIONAL TRADE CO LTD",
        "alias",
    ),
    (
        "MINSKII ZAVOD KOLESNYKH TYAGACHEI",
        "OTKRYTOE AKTSIONERNOE OBSHCHESTVO MINSKII ZAVOD KOLESNYKH TYAGACHEI",
        "company_form",
    ),
    ("OJSC MWPT", "MINSK WHEEL TRACTOR PLANT OPEN JOINT STOCK COMPANY", "acronym"),
    ("CENTRE D'ETUDES ET RECHERCHES", "SCIENTIFIC STUDIES AND RESEARCH CENTER", "alias"),
    ("Evropalas 2000", "EUROPALACE 2000", "transliteration"),
    ("MACHINE INDUSTRY DEPARTMENT", "MUNITIONS INDUSTRY DEPARTMENT", None),
)

# --- vocabulary -------------------------------------------------------------------------------------

STOPWORDS = frozenset({"OF", "THE", "AND", "&", "FOR", "DE", "ET", "D'ETUDES"})
FORM_WORDS = frozenset(
    {
        "CO",
        "COMPANY",
        "CORP",
        "CORPORATION",
        "LTD",
        "LIMITED",
        "INC",
        "PVT",
        "PRIVATE",
        "PLC",
        "LLC",
        "JSC",
        "OJSC",
        "GONGSI",
        "ZONGGONGSI",
        "YOUXIAN",
    }
)
GENERIC_WORDS = frozenset(
    {
        "ACADEMY",
        "ADMINISTRATION",
        "AEROSPACE",
        "AGENCY",
        "AIR",
        "ARMED",
        "ARMY",
        "ASSOCIATED",
        "ASTRONAUTICS",
        "AUTOMATION",
        "BANK",
        "BATTERY",
        "BOOSTER",
        "BUILDING",
        "BUREAU",
        "CARBON",
        "CENTER",
        "CENTRE",
        "CHEMICAL",
        "COMMAND",
        "COMMERCIAL",
        "COMMISSION",
        "COMMITTEE",
        "COMPLEX",
        "COMPOSITE",
        "CREATIVE",
        "CRUISE",
        "DEFENCE",
        "DEFENSE",
        "DEPARTMENT",
        "DEVELOPMENT",
        "DYNAMICS",
        "ECONOMIC",
        "ELECTRONICS",
        "ENGINEERING",
        "ENTERPRISE",
        "ENTERPRISES",
        "EQUIPMENT",
        "EXPORT",
        "FACTORIES",
        "FACTORY",
        "FORCE",
        "FORCES",
        "GENERAL",
        "GRAPHITE",
        "GROUP",
        "IMPORT",
        "IMPORT/EXPORT",
        "INDUSTRIAL",
        "INDUSTRIES",
        "INDUSTRY",
        "INNOVATIVE",
        "INSTITUTE",
        "INTELLIGENT",
        "INTERNATIONAL",
        "JOINT",
        "LABORATORIES",
        "LABORATORY",
        "LIQUID",
        "LOGISTICS",
        "MACHINE",
        "MACHINERY",
        "MANUFACTURING",
        "MARITIME",
        "METALLURGICAL",
        "METALLURGY",
        "MINERALS",
        "MINING",
        "MINISTRY",
        "MISSILE",
        "NATIONAL",
        "NATURAL",
        "ORGANISATION",
        "ORGANIZATION",
        "PARTS",
        "PLANT",
        "PRECISION",
        "PROCUREMENT",
        "PRODUCTION",
        "PROPELLANT",
        "PROPULSION",
        "RESEARCH",
        "ROCKET",
        "SAFETY",
        "SCIENCE",
        "SCIENCES",
        "SCIENTIFIC",
        "SECOND",
        "SERVICES",
        "SOLID",
        "SOLUTIONS",
        "SOURCE",
        "SPACE",
        "STATE",
        "STRATEGIC",
        "STUDIES",
        "SYSTEMS",
        "TECHNICAL",
        "TECHNOLOGIES",
        "TECHNOLOGY",
        "TOOLING",
        "TRACTOR",
        "TRADE",
        "TRADING",
        "UNIVERSITY",
        "UPPER",
        "ATMOSPHERE",
        "VENTURE",
        "WEAPONS",
        "WHEEL",
        "AVIATION",
        "SHAHID",
        "KOREA",
        "KOREAN",
        "CHINA",
        "CHINESE",
        "IRAN",
        "PAKISTAN",
        "INDIAN",
        "DPRK",
        "SINO",
        "BEIJING",
        "DALIAN",
        "SHANGHAI",
        "TIANJIN",
        "XI'AN",
        "CHANGZHOU",
        "HUBEI",
        "HONG",
        "KONG",
        "MINSK",
        "MOSCOW",
        "HYDERABAD",
        "SRIHARIKOTA",
        "BALTIC",
        "NORTH",
        "GREAT",
        "WALL",
        "UNIVERSAL",
        "SONS",
        "ELECTRO",
        "AUTO",
        "NEW",
        "M.",
        "D.",
        "AL",
        "YA",
        "2000",
        "ISLAMIC",
        "REVOLUTIONARY",
        "GUARD",
        "CORPS",
        "JIHAD",
        "JEHAD",
        "SELF",
        "SUFFICIENCY",
        "IRGC",
        "KPA",
        "PEOPLE'S",
        "WHEELED",
        "KISH",
        "OPEN",
        "STOCK",
        "TOOL",
        "FTZ",
        "JV",
        "J/V",
        "MACHINERIES",
        "LAB",
    }
)
PLACES = {
    "KP": ["PYONGYANG", "HAMHUNG", "CHONGJIN", "SINUIJU", "WONSAN", "NAMPO", "KAESONG", "HAEJU", "KANGGYE"],
    "IR": ["TEHRAN", "ISFAHAN", "SHIRAZ", "TABRIZ", "MASHHAD", "KARAJ", "QOM", "AHVAZ", "KERMAN", "SEMNAN"],
    "CN": ["SHENZHEN", "QINGDAO", "SHENYANG", "HARBIN", "NINGBO", "SUZHOU", "WUHAN", "CHENGDU", "NANJING"],
    "HK": ["KOWLOON", "ASIA PACIFIC", "ORIENT", "PACIFIC"],
    "PK": ["KARACHI", "LAHORE", "RAWALPINDI", "ISLAMABAD", "FAISALABAD", "SIALKOT", "PESHAWAR", "MULTAN"],
    "IN": ["BENGALURU", "CHENNAI", "PUNE", "AHMEDABAD", "LUCKNOW", "KOLKATA", "NAGPUR", "BHOPAL"],
    "RU": ["NOVOSIBIRSK", "KAZAN", "SAMARA", "TOMSK", "PERM", "TULA", "IZHEVSK", "VORONEZH"],
    "BY": ["GOMEL", "VITEBSK", "BREST", "GRODNO", "MOGILEV"],
    "SY": ["DAMASCUS", "ALEPPO", "HOMS", "LATAKIA"],
    "US": ["PACIFIC", "ATLANTIC", "SUMMIT", "LIBERTY"],
}
# Proper-name stand-ins per country: plausible different organisations' distinctive words.
NAME_POOL = {
    "KP": [
        "DAESONG",
        "KUMGANG",
        "RUNGRADO",
        "NAMGANG",
        "SOBAEKSU",
        "CHILBOSAN",
        "MYOHYANG",
        "TAEDONGGANG",
        "CHOLLIMA",
        "MANSUDAE",
        "MORANBONG",
        "KWANGMYONG",
        "PAEKTUSAN",
        "SAMILPO",
        "HAEDANGHWA",
        "OKRYU",
    ],
    "IR": [
        "BEHESHTI",
        "RAJAEE",
        "CHAMRAN",
        "MOTAHARI",
        "BAHONAR",
        "MOFATTEH",
        "KAZEMI",
        "HAMEDANI",
        "ZEINODDIN",
        "AVINI",
        "FAHMIDEH",
        "ABBASPOUR",
        "MAHALLATI",
        "DASTGHEIB",
        "ALBORZ",
        "DAMAVAND",
        "ZAGROS",
        "ARVAND",
        "KAVIR",
        "KARUN",
    ],
    "CN": [
        "HUAXIN",
        "ZHONGXING",
        "HENGTONG",
        "JINLONG",
        "TIANHE",
        "HONGDA",
        "YUANDA",
        "HUAYANG",
        "JIAHE",
        "KAIDA",
        "SHENGDA",
        "TENGFEI",
        "XIANGYU",
        "MINGYANG",
        "BAOSHENG",
    ],
    "HK": ["HARVEST", "GOLDEN", "FORTUNE", "PROSPER", "VICTORY", "EVERBRIGHT", "DYNASTY", "PIONEER"],
    "PK": ["CRESCENT", "INDUS", "MARGALLA", "CHENAB", "FALCON", "REHMAN", "QURESHI", "SIDDIQUI", "NOOR", "TARIQ"],
    "IN": ["HOMI BHABHA", "MEGHNAD SAHA", "JAGADISH BOSE", "RAMANUJAN", "ARYABHATA", "TATA", "KIRLOSKAR"],
    "RU": ["ALMAZ", "VYMPEL", "FAKEL", "KOMETA", "ZVEZDA", "SALYUT", "RADUGA", "ORION", "URAL", "VOLGA"],
    "BY": ["BELAZ", "INTEGRAL", "PELENG", "HORIZONT", "AMKODOR"],
    "SY": ["BARADA", "ORONTES", "PALMYRA", "EBLA"],
    "US": ["SUMMIT", "APEX", "EAGLE", "PINNACLE", "LIBERTY"],
}
FIRST_NAMES = {
    "IR": ["Ali", "Reza", "Hassan", "Mehdi", "Hossein", "Mohammad", "Javad", "Saeed", "Majid", "Amir"],
    "KP": ["Kim Chol", "Ri Song", "Pak Myong", "Choe Kwang", "Jon Il", "Kang Song"],
    "CN": ["Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao"],
    "PK": ["Muhammad", "Ahmed", "Imran", "Tariq", "Shahid", "Bilal"],
    "IN": ["Rajesh", "Suresh", "Anil", "Vikram", "Arun", "Sanjay"],
    "RU": ["Ivan", "Sergei", "Dmitri", "Alexei", "Nikolai", "Mikhail"],
}
ORG_SUFFIXES = {
    "IR": ["Trading Company", "Industrial Group", "Engineering Co.", "Industries"],
    "KP": ["Trading Corporation", "General Corporation"],
    "CN": ["Trading Co., Ltd.", "Technology Co., Ltd.", "Industry Co., Ltd."],
    "PK": ["Enterprises", "International", "Engineering (Pvt.) Ltd."],
    "IN": ["Industries Pvt. Ltd.", "Engineering Limited"],
    "RU": ["LLC", "Trading House"],
}
# Real-world acronyms of organisations that are not on the list (for acronym collisions).
OTHER_ACRONYMS = [
    "AIC",
    "AIG",
    "AIA",
    "AIM",
    "AIIB",
    "IAIO",
    "IEI",
    "DIA",
    "DOD",
    "MOD",
    "NASA",
    "NSA",
    "KASA",
    "KARI",
    "KAI",
    "KIST",
    "KAIST",
    "CAST",
    "CASC",
    "CASIC",
    "CALT",
    "SAST",
    "AVIC",
    "CETC",
    "CSSC",
    "CNNC",
    "CEIEC",
    "CATIC",
    "CMC",
    "BEL",
    "BHEL",
    "HAL",
    "DRDO",
    "DRDE",
    "ISRC",
    "ISA",
    "IRGC",
    "PAEC",
    "PAC",
    "POF",
    "NRTC",
    "GIDS",
    "NESPAK",
    "MTZ",
    "MAZ",
    "KAMAZ",
    "MIT",
    "MITT",
    "MIPT",
    "MPEI",
    "BMSTU",
    "SSC",
    "CNES",
    "DLR",
    "ESA",
    "JAXA",
    "MHI",
    "YMCA",
    "ALCOA",
    "KOMIR",
    "KORES",
    "KOTRA",
    "KEPCO",
    "SBI",
    "NBC",
    "NDB",
    "NADRA",
    "AWS",
    "NEC",
    "NAA",
    "IAI",
    "SIG",
    "KRI",
    "NDRC",
    "NRC",
    "NDA",
    "SSR",
    "SSB",
    "MOSSAD",
    "CNSA",
    "NORAD",
    "PCB",
    "PCA",
    "SEC",
    "CSIR",
    "CSIS",
    "DICT",
    "NTC",
    "MTN",
    "ISRA",
    "DRL",
    "BDO",
    "SPCO",
    "SAIPA",
    "AIOC",
]

KEYBOARD = {
    "A": "SQWZ",
    "B": "VNGH",
    "C": "XVDF",
    "D": "SFER",
    "E": "WRD",
    "F": "DGRT",
    "G": "FHTY",
    "H": "GJYU",
    "I": "UOK",
    "J": "HKU",
    "K": "JLI",
    "L": "KO",
    "M": "NJ",
    "N": "BMH",
    "O": "IPL",
    "P": "OL",
    "Q": "WA",
    "R": "ETF",
    "S": "ADW",
    "T": "RYG",
    "U": "YIJ",
    "V": "CBF",
    "W": "QES",
    "X": "ZC",
    "Y": "TUH",
    "Z": "XS",
}

# Word pairs one or two letters apart that are different words or names (not spellings of one name).
NEAR_WORDS = (
    ("HEMMAT", "HEKMAT"),
    ("PEJMAN", "PEYMAN"),
    ("ARDALAN", "ARSALAN"),
    ("MOVAHED", "MOJAHED"),
    ("KARIMI", "KARAMI"),
    ("DOOSTAN", "BOOSTAN"),
    ("SANAM", "SANAT"),
    ("MIZAN", "MIZBAN"),
    ("FAJR", "FAKHR"),
    ("PARCHIN", "PARCHAM"),
    ("SEPAH", "SEPAHAN"),
    ("KUMRYONG", "KUMSONG"),
    ("PUGANG", "PUSAN"),
    ("HESONG", "HWASONG"),
    ("HAIYING", "HAIYANG"),
    ("LONGDE", "LONGDA"),
    ("ZHENGHUA", "ZHONGHUA"),
    ("ALITE", "ELITE"),
    ("CARBON", "CARTON"),
    ("AKHTAR", "AKBAR"),
    ("AHAD", "AHMAD"),
    ("GRAFIT", "GRANIT"),
    ("POLYUS", "POLYOT"),
    ("INOR", "INOX"),
    ("MOSO", "MISO"),
    ("NASER", "NADER"),
    ("FANGWEI", "FENGWEI"),
    ("KARAT", "KARST"),
    ("WEALTHY", "HEALTHY"),
    ("SATTARI", "SAFFARI"),
    ("TOSONG", "TOKSONG"),
    ("TANCHON", "TONGCHON"),
    ("TIZ", "TIR"),
    ("MOGHADDAM", "MOGHADDAS"),
    ("DONGMEI", "DONGLEI"),
    ("BHARAT", "BHARTI"),
    ("AUTO", "AUDIO"),
    ("TOOLING", "COOLING"),
    ("ELECTRONICS", "ELECTRICS"),
    ("LEADER", "LEDGER"),
    ("ROCKSIDE", "ROCKRIDGE"),
)

# People the listed organisations are named after, or share a surname with (real or plausible).
PERSON_ORG_PAIRS = (
    ("Mohammad Ebrahim Hemmat", "SHAHID HEMMAT INDUSTRIAL GROUP"),
    ("Mehdi Bakeri", "SHAHID BAKERI INDUSTRIAL GROUP"),
    ("Hamid Bakeri", "SHAHID BAKERI INDUSTRIAL GROUP"),
    ("Mehdi Bagheri", "SHAHID BAGHERI INDUSTRIAL GROUP"),
    ("Mansour Sattari", "SHAHID SATTARI INDUSTRIES"),
    ("Vikram Sarabhai", "VIKRAM SARABHAI SPACE CENTRE"),
    ("Abdul Qadeer Khan", "KHAN RESEARCH LABORATORIES"),
    ("A. Q. Khan", "A.Q. Khan Research Laboratories"),
    ("Dmitri Mendeleev", "D. MENDELEYEV UNIVERSITY OF CHEMICAL TECHNOLOGY"),
    ("D. I. Mendeleyev", "D. MENDELEYEV UNIVERSITY OF CHEMICAL TECHNOLOGY"),
    ("Akhtar Hussain", "AKHTAR AND SONS PRIVATE LIMITED"),
    ("Mohammad Babaie", "M. BABAIE INDUSTRIES"),
    ("Satish Dhawan", "SRIHARIKOTA SPACE CENTRE"),
)


# --- helpers ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str
    country: str
    names: tuple[str, ...]  # primary first
    native: tuple[str, ...]

    @property
    def is_person(self) -> bool:
        return self.entity_id in PERSON_IDS


@dataclass(frozen=True, slots=True)
class Pair:
    query: str
    list_name: str
    label: int
    category: str
    note: str

    def row(self) -> tuple[str, str, str, str, str]:
        return (self.query, self.list_name, str(self.label), self.category, self.note)


def fold(text: str) -> str:
    """Upper case, accents and marks dropped: the form used for comparisons inside this script."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,()/\-.]+", fold(text).replace("&", " & ")) if t]


def key(text: str) -> str:
    """Punctuation, spacing and case never matter."""
    return re.sub(r"[^0-9A-Z\u0080-\uffff]", "", fold(text))


def core_key(text: str) -> str:
    """``key`` without company forms and stop words: two names with one core key are one name."""
    return "".join(t for t in tokens(text) if t not in FORM_WORDS and t not in STOPWORDS and t != "&")


def content(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in STOPWORDS and t not in FORM_WORDS and t != "&"}


def distinctive(text: str) -> list[str]:
    return [
        t
        for t in tokens(text)
        if t not in STOPWORDS and t not in FORM_WORDS and t not in GENERIC_WORDS and len(t) >= 3 and t.isalpha()
    ]


def simple_name(text: str) -> bool:
    """A name a word can be swapped in without breaking it: no initials, brackets or slashes."""
    return not re.search(r"[()/]|\b[A-Z]\.|\b(?:YA|AL|AMIR)\b", fold(text))


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.category(ch)[0] in "PZS" for ch in text)


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "").replace(" ", "")
    capitals = sum(ch.isupper() or ch.isdigit() for ch in bare)
    return 2 <= len(bare) <= 7 and " " not in text.strip() and bare.isalnum() and capitals >= len(bare) - 1


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def replace_word(name: str, old: str, new: str) -> str:
    """Replace the word ``old`` (upper case) in ``name``, keeping the case style of the name."""
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(old)}(?![A-Za-z])", re.IGNORECASE)

    def repl(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.isupper():
            return new.upper()
        if word[:1].isupper():
            return new.title()
        return new.lower()

    return pattern.sub(repl, name, count=1)


# --- loading ----------------------------------------------------------------------------------------


def find_entities(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    root = HERE.parents[2]
    for base in (root, root.parent):
        candidate = base / "shared" / "reference" / "missile-sanctions-entities.csv"
        if candidate.exists():
            return candidate
    sys.exit("missile-sanctions-entities.csv not found: pass --entities PATH")


def load_entities(path: Path) -> list[Entity]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entities = []
    for row in rows:
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        native = tuple(a.strip() for a in row["native_names"].split("|") if a.strip())
        entities.append(Entity(row["id"], row["country"], (row["name"].strip(), *aliases), native))
    return entities


def load_handwritten(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != HEADER:
            sys.exit(f"{path}: header must be {','.join(HEADER)}")
        return [Pair(r["query"], r["list_name"], int(r["label"]), r["category"], r["note"]) for r in reader]


# --- the generator ----------------------------------------------------------------------------------


class Builder:
    def __init__(self, entities: list[Entity], rng: random.Random) -> None:
        self.entities = entities
        self.rng = rng
        self.by_id = {e.entity_id: e for e in entities}
        # Every listed name's core key -> the entities carrying it (to keep generated negatives off them).
        self.listed_keys: dict[str, set[str]] = {}
        for entity in entities:
            for name in entity.names:
                self.listed_keys.setdefault(core_key(name), set()).add(entity.entity_id)
        self.related: dict[str, frozenset[str]] = {}
        for group in RELATED_GROUPS:
            for member in group:
                self.related[member] = self.related.get(member, frozenset()) | group

    # names usable as the listed side of a pair: the primary and the aliases that are forms of it
    def variant_names(self, entity: Entity) -> list[str]:
        names = [entity.names[0]]
        for alias in entity.names[1:]:
            if alias in UNRELATED_ALIASES or ALIAS_CATEGORY.get(alias, "x") is None:
                continue
            if is_acronym(alias) or not is_latin(alias):
                continue
            names.append(alias)
        return names

    def unrelated(self, a: Entity, b: Entity) -> bool:
        return a.entity_id != b.entity_id and b.entity_id not in self.related.get(a.entity_id, frozenset())

    def is_listed_elsewhere(self, query: str, entity: Entity) -> bool:
        """The generated query is (a form of) a listed name: unsafe as a negative."""
        return bool(self.listed_keys.get(core_key(query)))

    # --- positives from the published aliases ---

    def classify_alias(self, primary: str, alias: str) -> str | None:
        if alias in ALIAS_CATEGORY:
            return ALIAS_CATEGORY[alias]
        if alias in UNRELATED_ALIASES:
            return None
        if key(alias) == key(primary):
            return "punctuation"
        if [t for t in tokens(alias) if t not in FORM_WORDS] == [t for t in tokens(primary) if t not in FORM_WORDS]:
            return "company_form"
        if sorted(tokens(alias)) == sorted(tokens(primary)):
            return "reorder"
        if is_acronym(alias):
            return "acronym"
        if set(distinctive(alias)) & set(distinctive(primary)) or content(alias) & content(primary):
            return "alias"
        return None

    def alias_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            primary = entity.names[0]
            for alias in entity.names[1:]:
                category = self.classify_alias(primary, alias)
                if category is None:
                    continue
                yield Pair(alias, primary, 1, category, f"published alias of {entity.entity_id}")
        for query, listed, category in ALIAS_TO_ALIAS:
            if category is not None:
                yield Pair(query, listed, 1, category, "published aliases of one entity")
        for entity in self.entities:
            # the other direction for acronyms: the officer types the full name, the list has the acronym
            for alias in entity.names[1:]:
                if self.classify_alias(entity.names[0], alias) == "acronym" and len(key(alias)) >= 3:
                    yield Pair(
                        entity.names[0], alias, 1, "acronym", f"full name vs listed acronym ({entity.entity_id})"
                    )

    # --- programmatic positives ---

    def make_typo(self, name: str, edits: int) -> str | None:
        words = name.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and fold(w) not in FORM_WORDS]
        if not candidates:
            return None
        out = list(words)
        for _ in range(edits):
            i = self.rng.choice(candidates)
            word = out[i]
            pos = self.rng.randrange(2, len(word) - 1)
            op = self.rng.choice(("delete", "double", "swap", "substitute"))
            if op == "delete":
                word = word[:pos] + word[pos + 1 :]
            elif op == "double":
                word = word[:pos] + word[pos] + word[pos:]
            elif op == "swap":
                word = word[: pos - 1] + word[pos] + word[pos - 1] + word[pos + 1 :]
            else:
                near = KEYBOARD.get(word[pos].upper(), "E")
                sub = self.rng.choice(near)
                word = word[:pos] + (sub if word[pos].isupper() else sub.lower()) + word[pos + 1 :]
            out[i] = word
        typo = " ".join(out)
        return typo if key(typo) != key(name) else None

    def typo_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            for name in self.variant_names(entity):
                if len(key(name)) < 8:
                    continue
                edits = 2 if len(key(name)) >= 24 and self.rng.random() < 0.4 else 1
                typo = self.make_typo(name, edits)
                if typo and not (self.listed_keys.get(core_key(typo), set()) - {entity.entity_id}):
                    yield Pair(typo, name, 1, "typo", f"{edits} character edit(s), generated")

    def reorder_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            for name in self.variant_names(entity):
                yield from self._reorders(entity, name)

    def _reorders(self, entity: Entity, name: str) -> Iterator[Pair]:
        words = name.replace(",", "").split()
        if entity.is_person:
            if "," in name:
                surname, given = (part.strip() for part in name.split(",", 1))
                yield Pair(f"{given} {surname}", name, 1, "reorder", "person: given name first")
            elif len(words) >= 2:
                yield Pair(f"{' '.join(words[1:])} {words[0]}", name, 1, "reorder", "person: first word moved to end")
                yield Pair(f"{words[-1]}, {' '.join(words[:-1])}", name, 1, "reorder", "person: last word first")
            return
        upper = [fold(w) for w in words]
        if " OF " in f" {fold(name)} " and len(words) >= 4 and "THE" not in upper:
            i = upper.index("OF")
            head, tail = words[:i], words[i + 1 :]
            if len(head) <= 2:
                yield Pair(" ".join(tail + head), name, 1, "reorder", "'X of Y' written 'Y X'")
        if upper[0] in {"KOREA", "CHINA", "PAKISTAN", "BEIJING", "DALIAN", "TIANJIN", "CHANGZHOU", "HUBEI", "MINSK"}:
            yield Pair(f"{' '.join(words[1:])}, {words[0]}", name, 1, "reorder", "place moved to end")
        if len(words) >= 3 and upper[-1] in {"CORPORATION", "COMPANY", "GROUP", "INDUSTRIES", "BANK"}:
            yield Pair(" ".join([words[-1], *words[:-1]]), name, 1, "reorder", "last word moved to front")

    FORM_SWAPS = (
        (r"\bCO\.,? LTD\.?$", ("COMPANY LIMITED", "CO LTD", "CO. LIMITED", "")),
        (r"\bCOMPANY LIMITED$", ("CO., LTD.", "CO LTD", "")),
        (r"\bCO LTD\.?$", ("CO., LTD.", "COMPANY LIMITED", "")),
        (r"\bCOMPANY LTD$", ("CO., LTD.", "COMPANY LIMITED", "")),
        (r"\bPRIVATE LIMITED$", ("(PVT.) LTD.", "PVT LTD", "")),
        (r"\bPVT\.? LTD\.?$", ("PRIVATE LIMITED", "(PRIVATE) LIMITED", "")),
        (r"\bLIMITED$", ("LTD.", "LTD", "")),
        (r"\bLTD\.?$", ("LIMITED", "")),
        (r"\bCORPORATION$", ("CORP.", "CORP", "")),
        (r"\bCORP\.?$", ("CORPORATION", "")),
        (r"\bCOMPANY$", ("CO.", "CO", "")),
        (r"\bCO\.?$", ("COMPANY", "")),
        (r",? INC\.?$", (" INCORPORATED", " INC", "")),
    )
    ADDED_FORMS: ClassVar[dict[str, tuple[str, ...]]] = {
        "CN": ("CO., LTD.", "COMPANY LIMITED"),
        "HK": ("LIMITED", "LTD."),
        "KP": ("CORPORATION", "CO."),
        "IR": ("CO.", "COMPANY"),
        "PK": ("(PVT.) LTD.", "PRIVATE LIMITED"),
        "IN": ("LIMITED",),
        "RU": ("OJSC", "JSC"),
        "BY": ("OJSC",),
        "US": ("INC.",),
    }

    BUSINESS_ENDINGS = frozenset(
        {
            "INDUSTRIES",
            "INDUSTRY",
            "GROUP",
            "TRADING",
            "INTERNATIONAL",
            "ENTERPRISE",
            "EQUIPMENT",
            "MANUFACTURING",
            "ENGINEERING",
            "TECHNOLOGY",
            "ELECTRONICS",
            "2000",
            "PARS",
            "TOOL",
            "MACHINERY",
            "SERVICES",
        }
    )

    def company_form_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            if entity.is_person:
                continue
            for name in self.variant_names(entity):
                upper = fold(name)
                matched = False
                for pattern, replacements in self.FORM_SWAPS:
                    found = re.search(pattern, upper)
                    if not found:
                        continue
                    matched = True
                    stem = name[: found.start()].rstrip(" ,")
                    if len(content(stem)) < 2 or not distinctive(stem):
                        break
                    for repl in self.rng.sample(replacements, k=min(2, len(replacements))):
                        variant = (f"{stem} {repl}".strip() if not repl.startswith(" ") else f"{stem},{repl}").strip()
                        variant = variant if name.isupper() else variant.title()
                        if key(variant) != key(name):
                            yield Pair(variant, name, 1, "company_form", "legal form changed/dropped, generated")
                    break
                last = tokens(name)[-1]
                if not matched and last in self.BUSINESS_ENDINGS and len(content(name)) >= 2:
                    form = self.rng.choice(self.ADDED_FORMS.get(entity.country, ("CO.",)))
                    variant = f"{name} {form}" if name.isupper() else f"{name} {form.title()}"
                    yield Pair(variant, name, 1, "company_form", "legal form added, generated")

    def punctuation_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            for name in self.variant_names(entity):
                options = [
                    (name.title() if name.isupper() else name.upper(), "case changed"),
                    (name.lower(), "lower case"),
                    (re.sub(r"[^\w\s]", "", name), "punctuation removed"),
                ]
                if "-" in name:
                    options.append((name.replace("-", ""), "hyphen removed (joined)"))
                    options.append((name.replace("-", " "), "hyphen as space"))
                if "/" in name:
                    options.append((name.replace("/", "-"), "slash as hyphen"))
                if " AND " in fold(name):
                    options.append((re.sub(r"\b(AND|and|And)\b", "&", name, count=1), "and as &"))
                if "&" in name:
                    options.append((name.replace("&", "and"), "& as and"))
                if re.search(r"\b[A-Z]\.\s?[A-Z]\.", name):
                    options.append((re.sub(r"\b([A-Z])\.\s?", r"\1", name), "dots in initials removed"))
                if "(" in name:
                    options.append((name.replace("(", "").replace(")", ""), "parentheses removed"))
                if len(name.split()) >= 3:
                    words = name.split()
                    i = self.rng.randrange(len(words) - 1)
                    if fold(words[i + 1]).strip(".,") not in FORM_WORDS:
                        options.append(
                            (" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]), "space removed")
                        )
                    options.append(("  ".join(words) + " ", "extra spaces"))
                options = [(v, n) for v, n in options if v != name and key(v) == key(name)]
                for variant, note in self.rng.sample(options, k=min(2, len(options))):
                    yield Pair(variant, name, 1, "punctuation", note)

    # --- negatives ---

    def shared_token_pairs(self) -> Iterator[Pair]:
        names = [(e, n) for e in self.entities if not e.is_person for n in self.variant_names(e)]
        scored = []
        for (ea, a), (eb, b) in itertools.combinations(names, 2):
            if not self.unrelated(ea, eb) or core_key(a) == core_key(b):
                continue
            ca, cb = content(a), content(b)
            shared = ca & cb
            if not shared or shared <= {"KOREA", "CHINA", "IRAN", "PAKISTAN"}:
                continue
            jaccard = len(shared) / len(ca | cb)
            scored.append((jaccard, a, b, ea.entity_id, eb.entity_id))
        scored.sort(key=lambda s: (-s[0], s[1], s[2]))
        for jaccard, a, b, ida, idb in scored:
            first, second = (a, b) if self.rng.random() < 0.5 else (b, a)
            yield Pair(first, second, 0, "shared_tokens", f"two listed entities ({ida}, {idb}); jaccard {jaccard:.2f}")

    def swappable(self, entity: Entity) -> Iterator[tuple[str, str]]:
        """(name, its one distinctive word) for the entity's names that have exactly one such word."""
        if entity.is_person:
            return
        for name in self.variant_names(entity):
            words = distinctive(name)
            if len(words) == 1 and len(words[0]) >= 4 and simple_name(name) and len(tokens(name)) >= 2:
                yield name, words[0]

    def similar_name_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            pool = NAME_POOL.get(entity.country, [])
            for name, old in self.swappable(entity):
                choices = [w for w in pool if edit_distance(w, old) > 3]
                for new in self.rng.sample(choices, k=min(6, len(choices))):
                    query = replace_word(name, old, new)
                    if query == name or self.is_listed_elsewhere(query, entity):
                        continue
                    yield Pair(query, name, 0, "similar_name", f"{old} replaced by {new}, generated")

    def same_country_generic_pairs(self) -> Iterator[Pair]:
        for entity in self.entities:
            places = PLACES.get(entity.country, [])
            for name, old in self.swappable(entity):
                kept = [w for w in name.split() if fold(w).strip(",.") not in {old, "SHAHID"}]
                if len(content(" ".join(kept))) < 1:
                    continue
                for place in self.rng.sample(places, k=min(5, len(places))):
                    if fold(kept[0]) in {"KOREA", "CHINA", "IRAN", "PAKISTAN"}:
                        query = " ".join([kept[0], place, *kept[1:]])
                    else:
                        query = " ".join([place, *kept])
                    query = query if name.isupper() else query.title()
                    if self.is_listed_elsewhere(query, entity) or len(content(query)) < 2:
                        continue
                    yield Pair(
                        query, name, 0, "same_country_generic", f"{old} replaced by the place {place}, generated"
                    )

    def short_name_pairs(self) -> Iterator[Pair]:
        listed = []
        for entity in self.entities:
            if entity.is_person:
                continue
            for alias in entity.names[1:]:
                bare = key(alias)
                if self.classify_alias(entity.names[0], alias) == "acronym" and 3 <= len(bare) <= 7 and bare.isalpha():
                    listed.append((entity, bare))
        for entity, acronym in listed:
            for other in OTHER_ACRONYMS:
                if other != acronym and edit_distance(other, acronym) <= (1 if len(acronym) <= 4 else 2):
                    yield Pair(
                        other, acronym, 0, "short_name", f"real acronym of another organisation vs {entity.entity_id}"
                    )
        for (ea, a), (eb, b) in itertools.combinations(listed, 2):
            if self.unrelated(ea, eb) and a != b and edit_distance(a, b) <= 1:
                yield Pair(a, b, 0, "short_name", f"acronyms of two listed entities ({ea.entity_id}, {eb.entity_id})")

    def person_vs_org_pairs(self) -> Iterator[Pair]:
        for person, org in PERSON_ORG_PAIRS:
            yield Pair(person, org, 0, "person_vs_org", "a person vs the organisation named after or like them")
        for entity in self.entities:
            firsts = FIRST_NAMES.get(entity.country, [])
            suffixes = ORG_SUFFIXES.get(entity.country, [])
            if entity.is_person:
                # an organisation carrying the listed person's surname (or full name) is a different party
                primary = entity.names[0]
                if "," in primary:
                    surname = primary.split(",")[0].strip()
                elif entity.country == "IR":
                    surname = primary.split()[-1]
                else:
                    surname = primary.split()[0]
                for suffix in self.rng.sample(suffixes, k=min(3, len(suffixes))):
                    yield Pair(
                        f"{surname.title()} {suffix}",
                        primary,
                        0,
                        "person_vs_org",
                        "an organisation named like the listed person",
                    )
                yield Pair(
                    f"{primary.replace(',', '')} {suffixes[0]}",
                    primary,
                    0,
                    "person_vs_org",
                    "an organisation carrying the listed person's full name",
                )
                continue
            if entity.country not in {"IR", "PK"}:
                continue  # elsewhere the organisations' words are not personal names
            for name, old in self.swappable(entity):
                if entity.country == "IR" and "SHAHID" not in tokens(name):
                    continue
                for first in self.rng.sample(firsts, k=min(3, len(firsts))):
                    yield Pair(
                        f"{first} {old.title()}",
                        name,
                        0,
                        "person_vs_org",
                        "a person with the surname the organisation carries",
                    )

    def near_typo_pairs(self) -> Iterator[Pair]:
        for old, new in NEAR_WORDS:
            for entity in self.entities:
                for name in self.variant_names(entity):
                    if tokens(name).count(old) != 1:
                        continue
                    query = replace_word(name, old, new)
                    if query == name or self.is_listed_elsewhere(query, entity):
                        continue
                    yield Pair(query, name, 0, "near_typo_different", f"{old} vs {new}: different words")
                    for variant in [] if entity.is_person else self.form_variants(query):
                        yield Pair(
                            variant, name, 0, "near_typo_different", f"{old} vs {new}: different words; form varied"
                        )

    def form_variants(self, name: str) -> list[str]:
        upper = fold(name)
        out = []
        for pattern, replacements in self.FORM_SWAPS:
            found = re.search(pattern, upper)
            if found:
                stem = name[: found.start()].rstrip(" ,")
                out.extend(f"{stem} {r}".strip() for r in replacements[:2] if r)
                if len(tokens(stem)) >= 2:
                    out.append(stem)
                break
        else:
            if tokens(name)[-1] in self.BUSINESS_ENDINGS or len(tokens(name)) <= 2:
                out.append(f"{name} CO." if name.isupper() else f"{name} Co.")
        out.append(name.title() if name.isupper() else name.upper())
        out.append(name.lower())
        return out


def take(pairs: Iterable[Pair], n: int, rng: random.Random, *, prefer_first: int = 0) -> list[Pair]:
    """Up to ``n`` distinct pairs: the first ``prefer_first`` of the stream, then a seeded sample."""
    unique: dict[tuple[str, str], Pair] = {}
    for pair in pairs:
        unique.setdefault((key(pair.query), key(pair.list_name)), pair)
    items = list(unique.values())
    head, tail = items[:prefer_first], items[prefer_first:]
    if len(head) >= n:
        return head[:n]
    return head + (rng.sample(tail, k=n - len(head)) if len(tail) > n - len(head) else tail)


def build(entities: list[Entity], handwritten: list[Pair]) -> tuple[list[Pair], list[str]]:
    rng = random.Random(SEED)
    builder = Builder(entities, rng)
    generated: list[Pair] = list(builder.alias_pairs())
    generated += take(builder.typo_pairs(), TARGETS["typo"], rng)
    generated += take(builder.reorder_pairs(), TARGETS["reorder"], rng)
    generated += take(builder.company_form_pairs(), TARGETS["company_form"], rng)
    generated += take(builder.punctuation_pairs(), TARGETS["punctuation"], rng)
    generated += take(builder.shared_token_pairs(), TARGETS["shared_tokens"], rng, prefer_first=260)
    generated += take(builder.similar_name_pairs(), TARGETS["similar_name"], rng)
    generated += take(builder.same_country_generic_pairs(), TARGETS["same_country_generic"], rng)
    generated += take(builder.short_name_pairs(), TARGETS["short_name"], rng)
    generated += take(builder.person_vs_org_pairs(), TARGETS["person_vs_org"], rng, prefer_first=len(PERSON_ORG_PAIRS))
    generated += take(builder.near_typo_pairs(), TARGETS["near_typo_different"], rng)

    problems: list[str] = []
    merged: dict[tuple[str, str], Pair] = {}
    for pair in [*handwritten, *generated]:
        if pair.category not in (POSITIVE if pair.label == 1 else NEGATIVE):
            problems.append(f"bad category/label: {pair}")
            continue
        if not pair.query.strip() or not pair.list_name.strip() or pair.query == pair.list_name:
            problems.append(f"empty or identical: {pair}")
            continue
        k = (key(pair.query), key(pair.list_name))
        previous = merged.get(k)
        if previous is None:
            merged[k] = pair
        elif previous.label != pair.label:
            problems.append(f"conflicting labels, both dropped: {previous} / {pair}")
            merged[k] = Pair("", "", -1, "", "")
    pairs = [p for p in merged.values() if p.label >= 0]
    return pairs, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", help="path to missile-sanctions-entities.csv")
    parser.add_argument("--handwritten", default=str(HERE / "handwritten.csv"))
    parser.add_argument("--out", default=str(HERE / "pairs.csv"))
    args = parser.parse_args(argv)

    entities = load_entities(find_entities(args.entities))
    pairs, problems = build(entities, load_handwritten(Path(args.handwritten)))
    for problem in problems:
        print("warning:", problem, file=sys.stderr)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(p.row() for p in pairs)
    counts = Counter((p.label, p.category) for p in pairs)
    for label in (1, 0):
        total = sum(n for (lab, _), n in counts.items() if lab == label)
        print(f"label {label}: {total}")
        for category in POSITIVE if label else NEGATIVE:
            print(f"  {category:22s} {counts[(label, category)]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
