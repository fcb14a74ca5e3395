"""Synthetic content at scale N, for `invoke bench` and the tests of scale.

`generate(root, N)` writes a complete, valid project's `data/` and `content/`: N conclaves
of 2 days and 8 timed sessions each (four a day, two of them in parallel in two halls), 6
speakers each out of a pool of 3N (every speaker is in some session, so the loader has
nothing to warn about), 2 or 3 schemes each out of a pool of 20, about 300 words of prose
per language, and N/2 news items, each about one conclave. Dates run from 2025 to 2028, so
that on 1 January 2026 (the bench's SOURCE_DATE_EPOCH) some conclaves are past (`held` or
`unreported`) and the others upcoming. Hindi is in Devanagari, English in English, on every
bilingual field.

Everything is a function of N alone (a `random.Random(N)` and arithmetic, never the clock):
the same N writes the same bytes. `edit(root, N)` then makes one organizer's edit (one
session's title, in both languages, in one conclave's YAML), for the one-edit rebuild.
`make_project(target, N)` makes a buildable project folder: the project's code and settings
(as the tests' `copy_project` does) and the synthetic sources.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[3]  # the folder that holds plugins/
CODE = ("schemas", "themes", "plugins")  # what a project copy takes beside its sources
SETTINGS = ("pelicanconf.py", "publishconf.py")
TODAY = dt.date(2026, 1, 1)  # the bench's SOURCE_DATE_EPOCH (1767205800), in IST
FIRST_DAY = dt.date(2025, 1, 6)
SPAN_DAYS = 1420  # conclaves start between FIRST_DAY and late 2028
SPEAKERS_PER_CONCLAVE = 6
WORDS = 300  # of prose per language in each conclave's description

# --- pools (scale-independent) -----------------------------------------------------------

# slug, English, Hindi, kind, acronym
ORGANIZATIONS = [
    ("ministry-of-msme", "Ministry of Micro, Small and Medium Enterprises",
     "सूक्ष्म, लघु और मध्यम उद्यम मंत्रालय", "government", "MoMSME"),
    ("ministry-of-commerce-and-industry", "Ministry of Commerce and Industry",
     "वाणिज्य एवं उद्योग मंत्रालय", "government", None),
    ("ministry-of-defence", "Ministry of Defence", "रक्षा मंत्रालय", "government", None),
    ("ministry-of-textiles", "Ministry of Textiles", "वस्त्र मंत्रालय", "government", None),
    ("ministry-of-food-processing-industries", "Ministry of Food Processing Industries",
     "खाद्य प्रसंस्करण उद्योग मंत्रालय", "government", "MoFPI"),
    ("ministry-of-finance", "Ministry of Finance", "वित्त मंत्रालय", "government", None),
    ("department-of-defence-production", "Department of Defence Production",
     "रक्षा उत्पादन विभाग", "government", "DDP"),
    ("dpiit", "Department for Promotion of Industry and Internal Trade",
     "उद्योग संवर्धन और आंतरिक व्यापार विभाग", "government", "DPIIT"),
    ("sidbi", "Small Industries Development Bank of India", "भारतीय लघु उद्योग विकास बैंक",
     "government", "SIDBI"),
    ("nsic", "National Small Industries Corporation", "राष्ट्रीय लघु उद्योग निगम", "psu",
     "NSIC"),
    ("kvic", "Khadi and Village Industries Commission", "खादी और ग्रामोद्योग आयोग",
     "government", "KVIC"),
    ("cgtmse-trust", "Credit Guarantee Fund Trust for Micro and Small Enterprises",
     "सूक्ष्म और लघु उद्यम क्रेडिट गारंटी निधि ट्रस्ट", "government", "CGTMSE"),
    ("gem", "Government e-Marketplace", "गवर्नमेंट ई-मार्केटप्लेस", "government", "GeM"),
    ("fieo", "Federation of Indian Export Organisations", "भारतीय निर्यात संगठन महासंघ",
     "association", "FIEO"),
    ("cii", "Confederation of Indian Industry", "भारतीय उद्योग परिसंघ", "chamber", "CII"),
    ("ficci", "Federation of Indian Chambers of Commerce and Industry",
     "भारतीय वाणिज्य एवं उद्योग मंडल महासंघ", "chamber", "FICCI"),
    ("laghu-udyog-bharati", "Laghu Udyog Bharati", "लघु उद्योग भारती", "association", None),
    ("fisme", "Federation of Indian Micro and Small and Medium Enterprises",
     "भारतीय सूक्ष्म, लघु और मध्यम उद्यम महासंघ", "association", "FISME"),
    ("bel", "Bharat Electronics Limited", "भारत इलेक्ट्रॉनिक्स लिमिटेड", "psu", "BEL"),
    ("hal", "Hindustan Aeronautics Limited", "हिंदुस्तान एरोनॉटिक्स लिमिटेड", "psu", "HAL"),
    ("sbi", "State Bank of India", "भारतीय स्टेट बैंक", "psu", "SBI"),
    ("nabard", "National Bank for Agriculture and Rural Development",
     "राष्ट्रीय कृषि और ग्रामीण विकास बैंक", "government", "NABARD"),
    ("dainik-samachar", "Dainik Samachar", "दैनिक समाचार", "media", None),
    ("udyam-consultants", "Udyam Consultants Private Limited",
     "उद्यम कंसल्टेंट्स प्राइवेट लिमिटेड", "consultancy", None),
]
HOSTS = [o[0] for o in ORGANIZATIONS if o[3] in ("government", "chamber", "association")]
PARTNERS = [o[0] for o in ORGANIZATIONS if o[3] in ("psu", "media", "consultancy")]

# slug, English, Hindi, acronym, owner
SCHEMES = [
    ("pmegp", "Prime Minister's Employment Generation Programme",
     "प्रधानमंत्री रोजगार सृजन कार्यक्रम", "PMEGP", "kvic"),
    ("cgtmse", "Credit Guarantee Scheme for Micro and Small Enterprises",
     "सूक्ष्म और लघु उद्यमों के लिए क्रेडिट गारंटी योजना", "CGTMSE", "cgtmse-trust"),
    ("zed", "Zero Defect Zero Effect Certification", "शून्य दोष शून्य प्रभाव प्रमाणन", "ZED",
     "ministry-of-msme"),
    ("lean", "MSME Lean Scheme", "एमएसएमई लीन योजना", None, "ministry-of-msme"),
    ("ramp", "Raising and Accelerating MSME Performance",
     "एमएसएमई के प्रदर्शन को बढ़ाने और तेज़ करने का कार्यक्रम", "RAMP", "ministry-of-msme"),
    ("sfurti", "Scheme of Fund for Regeneration of Traditional Industries",
     "पारंपरिक उद्योगों के पुनरुद्धार के लिए निधि योजना", "SFURTI", "kvic"),
    ("mse-cdp", "Micro and Small Enterprises Cluster Development Programme",
     "सूक्ष्म और लघु उद्यम क्लस्टर विकास कार्यक्रम", "MSE-CDP", "ministry-of-msme"),
    ("pm-vishwakarma", "PM Vishwakarma", "पीएम विश्वकर्मा", None, "ministry-of-msme"),
    ("treds", "Trade Receivables Discounting System", "व्यापार प्राप्य छूट प्रणाली", "TReDS",
     "sidbi"),
    ("udyam-registration", "Udyam Registration", "उद्यम पंजीकरण", None, "ministry-of-msme"),
    ("odop", "One District One Product", "एक जिला एक उत्पाद", "ODOP", "dpiit"),
    ("gem-sellers", "MSME sellers on the Government e-Marketplace",
     "सरकारी ई-बाज़ार पर एमएसएमई विक्रेता", None, "gem"),
    ("idex", "Innovations for Defence Excellence", "रक्षा उत्कृष्टता के लिए नवाचार", "iDEX",
     "department-of-defence-production"),
    ("make-projects", "Make projects for defence", "रक्षा के लिए मेक परियोजनाएं", None,
     "department-of-defence-production"),
    ("pmfme", "PM Formalisation of Micro Food Processing Enterprises",
     "प्रधानमंत्री सूक्ष्म खाद्य उद्यम औपचारिकीकरण योजना", "PMFME",
     "ministry-of-food-processing-industries"),
    ("pli-textiles", "Production Linked Incentive Scheme for Textiles",
     "वस्त्रों के लिए उत्पादन से जुड़ी प्रोत्साहन योजना", "PLI", "ministry-of-textiles"),
    ("mudra", "Pradhan Mantri MUDRA Yojana", "प्रधानमंत्री मुद्रा योजना", "PMMY",
     "ministry-of-finance"),
    ("stand-up-india", "Stand-Up India", "स्टैंड-अप इंडिया", None, "sidbi"),
    ("msme-champions", "MSME Champions Scheme", "एमएसएमई चैंपियंस योजना", None,
     "ministry-of-msme"),
    ("greening-of-msmes", "Greening of MSMEs", "एमएसएमई का हरितीकरण", None, "ministry-of-msme"),
]

# English, Hindi: cities with their state
CITIES = [
    ("Ranchi", "रांची", "Jharkhand", "झारखंड"), ("Jamshedpur", "जमशेदपुर", "Jharkhand", "झारखंड"),
    ("Patna", "पटना", "Bihar", "बिहार"),
    ("Lucknow", "लखनऊ", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("Kanpur", "कानपुर", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("Varanasi", "वाराणसी", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("Jhansi", "झांसी", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("Noida", "नोएडा", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("Bhopal", "भोपाल", "Madhya Pradesh", "मध्य प्रदेश"),
    ("Indore", "इंदौर", "Madhya Pradesh", "मध्य प्रदेश"),
    ("Jabalpur", "जबलपुर", "Madhya Pradesh", "मध्य प्रदेश"),
    ("Gwalior", "ग्वालियर", "Madhya Pradesh", "मध्य प्रदेश"),
    ("Raipur", "रायपुर", "Chhattisgarh", "छत्तीसगढ़"),
    ("Jaipur", "जयपुर", "Rajasthan", "राजस्थान"), ("Jodhpur", "जोधपुर", "Rajasthan", "राजस्थान"),
    ("Udaipur", "उदयपुर", "Rajasthan", "राजस्थान"),
    ("Dehradun", "देहरादून", "Uttarakhand", "उत्तराखंड"),
    ("Shimla", "शिमला", "Himachal Pradesh", "हिमाचल प्रदेश"),
    ("Baddi", "बद्दी", "Himachal Pradesh", "हिमाचल प्रदेश"),
    ("Ludhiana", "लुधियाना", "Punjab", "पंजाब"),
    ("Chandigarh", "चंडीगढ़", "Chandigarh", "चंडीगढ़"),
    ("Gurugram", "गुरुग्राम", "Haryana", "हरियाणा"), ("Faridabad", "फरीदाबाद", "Haryana", "हरियाणा"),
    ("Ahmedabad", "अहमदाबाद", "Gujarat", "गुजरात"), ("Surat", "सूरत", "Gujarat", "गुजरात"),
    ("Rajkot", "राजकोट", "Gujarat", "गुजरात"),
    ("Nagpur", "नागपुर", "Maharashtra", "महाराष्ट्र"), ("Pune", "पुणे", "Maharashtra", "महाराष्ट्र"),
    ("Bhubaneswar", "भुवनेश्वर", "Odisha", "ओडिशा"), ("Guwahati", "गुवाहाटी", "Assam", "असम"),
]
VENUE_KINDS = [("Convention Centre", "कन्वेंशन सेंटर"), ("Udyog Bhawan", "उद्योग भवन"),
               ("Trade Facilitation Centre", "व्यापार सुविधा केंद्र"),
               ("Chamber Hall", "चैंबर सभागार")]

# slug, English, Hindi
THEMES = [
    ("export", "Export", "निर्यात"), ("defence", "Defence", "रक्षा"),
    ("digital", "Digital", "डिजिटल"), ("green", "Green Manufacturing", "हरित विनिर्माण"),
    ("finance", "Finance", "वित्त"), ("textiles", "Textiles", "वस्त्र"),
    ("food", "Food Processing", "खाद्य प्रसंस्करण"),
    ("women", "Women Entrepreneurs", "महिला उद्यमी"),
    ("cluster", "Cluster Development", "क्लस्टर विकास"), ("quality", "Quality", "गुणवत्ता"),
]
EVENT_KINDS = [("conclave", "Conclave", "सम्मेलन"), ("summit", "Summit", "शिखर सम्मेलन"),
               ("workshop", "Workshop", "कार्यशाला"), ("meet", "Entrepreneurs' Meet", "उद्यमी मिलन")]

# English, Hindi: what a session is about
SESSION_TOPICS = [
    ("MSMEs in public procurement", "सरकारी खरीद में एमएसएमई"),
    ("Collateral-free credit", "बिना गारंटी का ऋण"),
    ("New export markets", "निर्यात के नए बाज़ार"),
    ("Digital payments and e-commerce", "डिजिटल भुगतान और ई-कॉमर्स"),
    ("Quality certification", "गुणवत्ता प्रमाणन"),
    ("Green technology", "हरित तकनीक"),
    ("Skill development", "कौशल विकास"),
    ("Common facilities in clusters", "क्लस्टर की साझा सुविधाएं"),
    ("Women's entrepreneurship", "महिला उद्यमिता"),
    ("Start-ups and innovation", "स्टार्टअप और नवाचार"),
    ("Supply chains", "आपूर्ति श्रृंखला"),
    ("Branding and marketing", "ब्रांडिंग और विपणन"),
    ("Resolving delayed payments", "विलंबित भुगतान का समाधान"),
    ("Ease of doing business", "कारोबार में सुगमता"),
    ("Opportunities in defence", "रक्षा क्षेत्र में अवसर"),
    ("Food safety standards", "खाद्य सुरक्षा मानक"),
    ("Packaging and logistics", "पैकेजिंग और लॉजिस्टिक्स"),
    ("Energy efficiency", "ऊर्जा दक्षता"),
    ("Intellectual property rights", "बौद्धिक संपदा अधिकार"),
    ("Industry 4.0", "उद्योग 4.0"),
    ("Uses of artificial intelligence", "कृत्रिम बुद्धिमत्ता के उपयोग"),
    ("Experiences of successful entrepreneurs", "सफल उद्यमियों के अनुभव"),
]

FIRST_NAMES = [
    ("Aarti", "आरती"), ("Amit", "अमित"), ("Anil", "अनिल"), ("Anjali", "अंजलि"),
    ("Arjun", "अर्जुन"), ("Deepak", "दीपक"), ("Divya", "दिव्या"), ("Gaurav", "गौरव"),
    ("Kavita", "कविता"), ("Manoj", "मनोज"), ("Meena", "मीना"), ("Neha", "नेहा"),
    ("Pankaj", "पंकज"), ("Pooja", "पूजा"), ("Rahul", "राहुल"), ("Rajesh", "राजेश"),
    ("Ritu", "रितु"), ("Rohit", "रोहित"), ("Sandeep", "संदीप"), ("Sarita", "सरिता"),
    ("Sunil", "सुनील"), ("Sunita", "सुनीता"), ("Vikas", "विकास"), ("Vinita", "विनीता"),
    ("Yogesh", "योगेश"), ("Ashok", "अशोक"), ("Geeta", "गीता"), ("Harish", "हरीश"),
    ("Lata", "लता"), ("Naveen", "नवीन"),
]
SURNAMES = [
    ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"),
    ("Yadav", "यादव"), ("Mishra", "मिश्रा"), ("Agarwal", "अग्रवाल"), ("Kumar", "कुमार"),
    ("Jain", "जैन"), ("Tiwari", "तिवारी"), ("Pandey", "पांडेय"), ("Chauhan", "चौहान"),
    ("Joshi", "जोशी"), ("Patel", "पटेल"), ("Mehta", "मेहता"), ("Thakur", "ठाकुर"),
    ("Rathore", "राठौर"), ("Saxena", "सक्सेना"), ("Bansal", "बंसल"), ("Kapoor", "कपूर"),
    ("Das", "दास"), ("Nair", "नायर"), ("Reddy", "रेड्डी"),
]
DESIGNATIONS = [
    ("General Manager, District Industries Centre", "महाप्रबंधक, जिला उद्योग केंद्र"),
    ("Director, MSME Development Office", "निदेशक, एमएसएमई विकास कार्यालय"),
    ("President, Small Industries Association", "अध्यक्ष, लघु उद्योग संघ"),
    ("General Secretary, Chamber of Commerce", "महासचिव, चैंबर ऑफ कॉमर्स"),
    ("Deputy General Manager", "उप महाप्रबंधक"),
    ("Founder of a textile unit", "एक वस्त्र इकाई के संस्थापक"),
    ("Chief Executive of a food processing company", "एक खाद्य प्रसंस्करण कंपनी के मुख्य कार्यकारी"),
    ("Senior Consultant", "वरिष्ठ सलाहकार"),
    ("Assistant Professor of Management", "प्रबंधन के सहायक प्रोफेसर"),
    ("Joint Secretary, Department of Industries", "संयुक्त सचिव, उद्योग विभाग"),
    ("Export adviser", "निर्यात सलाहकार"),
    ("Manager, vendor development", "प्रबंधक, विक्रेता विकास"),
]
MONTHS = [
    ("January", "जनवरी"), ("February", "फ़रवरी"), ("March", "मार्च"), ("April", "अप्रैल"),
    ("May", "मई"), ("June", "जून"), ("July", "जुलाई"), ("August", "अगस्त"),
    ("September", "सितंबर"), ("October", "अक्टूबर"), ("November", "नवंबर"), ("December", "दिसंबर"),
]

# A conclave's description: sentences that translate each other, in the same order in both
# languages. {title} {city} {state} {scheme} {org} {topic} are the conclave's own.
CONCLAVE_SENTENCES = [
    ("The {title} brings together micro, small and medium enterprises from {state} and the "
     "neighbouring states.",
     "{title} में {state} और आसपास के राज्यों के सूक्ष्म, लघु और मध्यम उद्यम एक मंच पर आते हैं।"),
    ("Entrepreneurs meet buyers from public sector undertakings, large companies and "
     "government departments in one place.",
     "उद्यमी एक ही स्थान पर सार्वजनिक क्षेत्र के उपक्रमों, बड़ी कंपनियों और सरकारी विभागों के "
     "खरीदारों से मिलते हैं।"),
    ("The organizers expect several hundred participants over the two days, most of them "
     "owners of small units.",
     "आयोजकों को दो दिनों में कई सौ प्रतिभागियों की उम्मीद है, जिनमें अधिकतर छोटी इकाइयों के "
     "मालिक हैं।"),
    ("Sessions on {scheme} explain who can apply, what support is offered and which "
     "documents are needed.",
     "{scheme} पर सत्रों में बताया जाता है कि कौन आवेदन कर सकता है, क्या सहायता मिलती है और "
     "कौन से दस्तावेज़ चाहिए।"),
    ("Officials of the district industries centre are present to answer questions about "
     "registration and subsidies.",
     "पंजीकरण और अनुदान से जुड़े प्रश्नों के उत्तर देने के लिए जिला उद्योग केंद्र के अधिकारी "
     "उपस्थित रहते हैं।"),
    ("A help desk at the venue guides first-time participants through Udyam registration "
     "and the GeM portal.",
     "कार्यक्रम स्थल पर एक सहायता केंद्र पहली बार आने वाले प्रतिभागियों को उद्यम पंजीकरण और "
     "जेम पोर्टल की जानकारी देता है।"),
    ("Experts discuss how small units can adopt digital tools for accounts, inventory and "
     "online sales.",
     "विशेषज्ञ बताते हैं कि छोटी इकाइयां हिसाब-किताब, माल सूची और ऑनलाइन बिक्री के लिए "
     "डिजिटल साधन कैसे अपना सकती हैं।"),
    ("Women entrepreneurs and young founders are especially invited to take part and to "
     "present their products.",
     "महिला उद्यमियों और युवा संस्थापकों को विशेष रूप से भाग लेने और अपने उत्पाद प्रस्तुत "
     "करने के लिए आमंत्रित किया गया है।"),
    ("Banks and financial institutions explain collateral-free loans and the credit "
     "guarantee available to small enterprises.",
     "बैंक और वित्तीय संस्थान बिना गारंटी वाले ऋण और छोटे उद्यमों के लिए उपलब्ध क्रेडिट "
     "गारंटी के बारे में बताते हैं।"),
    ("The exhibition has stalls where local manufacturers display tools, textiles, food "
     "products and machine parts.",
     "प्रदर्शनी में स्टॉल लगते हैं, जहां स्थानीय निर्माता औज़ार, वस्त्र, खाद्य उत्पाद और "
     "मशीनों के पुर्जे दिखाते हैं।"),
    ("Participants can book one-to-one meetings with buyers in advance, or at the "
     "registration counter on the first morning.",
     "प्रतिभागी खरीदारों के साथ आमने-सामने की बैठकें पहले से, या पहले दिन सुबह पंजीकरण "
     "काउंटर पर, तय कर सकते हैं।"),
    ("According to the organizers, the aim is to turn conversations at the conclave into "
     "orders and lasting partnerships.",
     "आयोजकों के अनुसार उद्देश्य यह है कि सम्मेलन में हुई बातचीत ऑर्डर और स्थायी साझेदारी "
     "में बदले।"),
    ("Examples from {city} show how clusters of small units share testing facilities, "
     "design centres and common machinery.",
     "{city} के उदाहरण दिखाते हैं कि छोटी इकाइयों के क्लस्टर परीक्षण सुविधाएं, डिज़ाइन केंद्र "
     "और साझा मशीनें कैसे इस्तेमाल करते हैं।"),
    ("A session on quality certification covers the ZED scheme, testing laboratories and "
     "the standards that buyers expect.",
     "गुणवत्ता प्रमाणन पर एक सत्र में ज़ेड योजना, परीक्षण प्रयोगशालाओं और खरीदारों के "
     "अपेक्षित मानकों की चर्चा होती है।"),
    ("Speakers also talk about exports: finding markets abroad, meeting foreign standards "
     "and using export promotion councils.",
     "वक्ता निर्यात पर भी बात करते हैं: विदेश में बाज़ार खोजना, विदेशी मानकों को पूरा करना "
     "और निर्यात संवर्धन परिषदों की मदद लेना।"),
    ("The second day ends with an open discussion in which participants raise the problems "
     "they face with officials.",
     "दूसरे दिन का समापन एक खुली चर्चा से होता है, जिसमें प्रतिभागी अपनी समस्याएं सीधे "
     "अधिकारियों के सामने रखते हैं।"),
    ("Entry is free, but participants are asked to register beforehand so that seating and "
     "meals can be arranged.",
     "प्रवेश निःशुल्क है, लेकिन प्रतिभागियों से अनुरोध है कि बैठने और भोजन की व्यवस्था के "
     "लिए पहले से पंजीकरण कराएं।"),
    ("Materials from the sessions, including the presentations on {topic}, are shared with "
     "registered participants afterwards.",
     "सत्रों की सामग्री, जिसमें {topic} पर प्रस्तुतियां भी शामिल हैं, बाद में पंजीकृत "
     "प्रतिभागियों को भेजी जाती है।"),
    ("Local colleges have been invited so that students can learn about entrepreneurship "
     "and careers in manufacturing.",
     "स्थानीय कॉलेजों को भी आमंत्रित किया गया है, ताकि विद्यार्थी उद्यमिता और विनिर्माण में "
     "करियर के बारे में जान सकें।"),
    ("The organizers thank {org} for its support with the venue, the speakers and the "
     "exhibition.",
     "आयोजक कार्यक्रम स्थल, वक्ताओं और प्रदर्शनी की व्यवस्था में सहयोग के लिए {org} का "
     "आभार व्यक्त करते हैं।"),
]
SCHEME_SENTENCES = [
    ("It is meant for micro and small enterprises that are registered on the Udyam portal.",
     "यह उद्यम पोर्टल पर पंजीकृत सूक्ष्म और लघु उद्यमों के लिए है।"),
    ("Applications are made online, and the district industries centre helps applicants "
     "who need it.",
     "आवेदन ऑनलाइन किए जाते हैं, और जिन्हें ज़रूरत हो उनकी सहायता जिला उद्योग केंद्र करता है।"),
    ("The support depends on the size of the unit, its location and the category of the "
     "applicant.",
     "सहायता इकाई के आकार, उसके स्थान और आवेदक की श्रेणी पर निर्भर करती है।"),
    ("Women, first-generation entrepreneurs and units in backward districts often get a "
     "larger share.",
     "महिलाओं, पहली पीढ़ी के उद्यमियों और पिछड़े जिलों की इकाइयों को अक्सर अधिक हिस्सा "
     "मिलता है।"),
    ("Before applying, keep the Udyam certificate, bank details and a short project report "
     "ready.",
     "आवेदन से पहले उद्यम प्रमाणपत्र, बैंक का विवरण और एक छोटी परियोजना रिपोर्ट तैयार रखें।"),
    ("The official guidelines give the exact amounts and conditions, which change from time "
     "to time.",
     "सटीक राशि और शर्तें आधिकारिक दिशानिर्देशों में दी गई हैं, जो समय-समय पर बदलती हैं।"),
]
BIO_SENTENCES = [
    ("has worked with small and medium enterprises for many years.",
     "कई वर्षों से सूक्ष्म, लघु और मध्यम उद्यमों के साथ काम कर रहे हैं।"),
    ("often speaks about credit, markets and technology for small units.",
     "छोटी इकाइयों के लिए ऋण, बाज़ार और तकनीक के विषय पर अक्सर बोलते हैं।"),
    ("has helped several clusters set up common facilities.",
     "कई क्लस्टरों को साझा सुविधाएं स्थापित करने में मदद कर चुके हैं।"),
]
NEWS_SENTENCES = [
    ("The organizers said that units from several districts had confirmed their stalls.",
     "आयोजकों ने बताया कि कई जिलों की इकाइयों ने अपने स्टॉल की पुष्टि कर दी है।"),
    ("Officials of banks and of the district industries centre took questions from "
     "entrepreneurs.",
     "बैंकों और जिला उद्योग केंद्र के अधिकारियों ने उद्यमियों के प्रश्नों के उत्तर दिए।"),
    ("Buyers from public sector undertakings met suppliers in one-to-one meetings.",
     "सार्वजनिक क्षेत्र के उपक्रमों के खरीदारों ने आपूर्तिकर्ताओं से आमने-सामने बैठकें कीं।"),
    ("Several participants asked for more such events in smaller towns.",
     "कई प्रतिभागियों ने छोटे शहरों में भी ऐसे आयोजनों की मांग की।"),
    ("The presentations are to be shared with every registered participant.",
     "प्रस्तुतियां सभी पंजीकृत प्रतिभागियों को भेजी जाएंगी।"),
]
TRACKS = [{"hi": "हॉल ए", "en": "Hall A"}, {"hi": "हॉल बी", "en": "Hall B"}]
# Each day: (start, end, track); the two 11:30 sessions run in parallel in two halls.
SLOTS = [("10:00", "11:00", 0), ("11:30", "13:00", 0), ("11:30", "13:00", 1),
         ("14:30", "16:00", 0)]
# Per day and slot, the speakers (indexes into the conclave's 6) and their roles: the two
# parallel sessions never share a speaker, and every one of the 6 speaks.
CAST = [
    [[(0, "chief-guest"), (1, "guest-of-honour")], [(2, "chair"), (3, "speaker")],
     [(4, "moderator"), (5, "presenter")], [(0, "speaker")]],
    [[(3, "speaker")], [(1, "chair"), (5, "speaker")], [(2, "speaker"), (4, "presenter")],
     [(0, "moderator"), (3, "speaker")]],
]
KINDS = [["inauguration", "panel", "workshop", "presentation"],
         ["keynote", "discussion", "seminar", "session"]]
EDITED = 1  # the session whose title `edit` changes (day 1's panel)


@dataclass
class Plan:
    """Every source file of the synthetic project, by path relative to the project."""
    conclaves: int
    files: dict[str, str] = field(default_factory=dict)
    conclave_slugs: list[str] = field(default_factory=list)
    speaker_slugs: list[str] = field(default_factory=list)
    scheme_slugs: list[str] = field(default_factory=list)
    news_slugs: list[str] = field(default_factory=list)
    # for `edit`: each conclave's data, to write again with one title changed
    conclave_data: dict[str, dict] = field(default_factory=dict)


@dataclass(frozen=True)
class Edit:
    path: str  # the one file changed, relative to the project
    conclave: str
    session: str
    title: dict[str, str]  # the session's new title, {"hi": …, "en": …}


def generate(root: Path, conclaves: int) -> Plan:
    """Write the synthetic data/ and content/ of scale `conclaves` under `root` (folders that
    exist are emptied first); return what was written."""
    found = plan(conclaves)
    for folder in ("data", "content"):
        shutil.rmtree(root / folder, ignore_errors=True)
    for relative, text in found.files.items():
        _write(root / relative, text)
    return found


def edit(root: Path, conclaves: int, variant: int = 1) -> Edit:
    """One organizer's edit to the project that `generate(root, conclaves)` wrote: the title
    of one session of one conclave (the middle one), in both languages. One file changes;
    each `variant` gives another title."""
    found = plan(conclaves)
    slug = found.conclave_slugs[len(found.conclave_slugs) // 2]
    data = found.conclave_data[slug]
    session = data["sessions"][EDITED]
    again = "" if variant == 1 else f" {variant}"
    title = {"hi": session["title"]["hi"] + f" (संशोधित कार्यक्रम{again})",
             "en": session["title"]["en"] + f" (revised agenda{again})"}
    changed = {**data, "sessions": [dict(s) for s in data["sessions"]]}
    changed["sessions"][EDITED] = {**session, "title": title}
    relative = f"data/conclaves/{slug}.yaml"
    _write(root / relative, _yaml("conclave", changed, conclaves))
    return Edit(relative, slug, session["id"], title)


def undo(root: Path, conclaves: int, change: Edit) -> None:
    """Write the file that `edit` changed as `generate` wrote it."""
    _write(root / change.path, plan(conclaves).files[change.path])


def make_project(target: Path, conclaves: int, code: Path = PROJECT) -> Plan:
    """A buildable project at `target` (made; it must not exist): the code and settings of
    the project at `code`, and synthetic sources of scale `conclaves`."""
    target.mkdir(parents=True)
    for name in CODE:
        shutil.copytree(code / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in SETTINGS:
        shutil.copy(code / name, target / name)
    return generate(target, conclaves)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # "\n" line ends on every system


# --- the plan ------------------------------------------------------------------------------


def plan(conclaves: int) -> Plan:
    """Every file of the synthetic sources at scale `conclaves` (a pure function of it)."""
    if conclaves < 1:
        raise ValueError("at least one conclave")
    rng = random.Random(conclaves)
    found = Plan(conclaves)
    for slug, en, hi, kind, acronym in ORGANIZATIONS:
        data = {"name": {"hi": hi, "en": en}, "kind": kind}
        if acronym:
            data["acronym"] = acronym
        found.files[f"data/organizations/{slug}.yaml"] = _yaml("organization", data, conclaves)
    orgs = {o[0]: o for o in ORGANIZATIONS}
    for i, (en, hi, state_en, state_hi) in enumerate(CITIES):
        kind_en, kind_hi = VENUE_KINDS[i % len(VENUE_KINDS)]
        data = {"name": {"hi": f"{kind_hi}, {hi}", "en": f"{kind_en}, {en}"},
                "address": {"hi": f"औद्योगिक क्षेत्र, सेक्टर {i % 9 + 1}",
                            "en": f"Industrial Area, Sector {i % 9 + 1}"},
                "city": {"hi": hi, "en": en}, "state": {"hi": state_hi, "en": state_en}}
        found.files[f"data/venues/{_slug(en)}.yaml"] = _yaml("venue", data, conclaves)
    for slug, en, hi, acronym, owner in SCHEMES:
        data = {"name": {"hi": hi, "en": en}}
        if acronym:
            data["acronym"] = acronym
        data["owner"] = owner
        found.files[f"data/schemes/{slug}.yaml"] = _yaml("scheme", data, conclaves)
        owner_en, owner_hi = orgs[owner][1], orgs[owner][2]
        picked = rng.sample(range(len(SCHEME_SENTENCES)), 4)
        for lang, opening in (("en", f"{en} is run by the {owner_en}."),
                              ("hi", f"{hi} का संचालन {owner_hi} करता है।")):
            body = " ".join(SCHEME_SENTENCES[k][lang == "hi"] for k in picked)
            found.files[f"content/schemes/{slug}.{lang}.md"] = f"{opening} {body}\n"
        found.scheme_slugs.append(slug)
    speakers = _speakers(found, rng, conclaves)
    for i in range(conclaves):
        _conclave(found, rng, i, speakers)
    for j in range(conclaves // 2):
        _news(found, j)
    return found


def _speakers(found: Plan, rng: random.Random, conclaves: int) -> list[dict]:
    pool = []
    count = max(3 * conclaves, SPEAKERS_PER_CONCLAVE)
    for i in range(count):
        first_en, first_hi = FIRST_NAMES[i % len(FIRST_NAMES)]
        last_en, last_hi = SURNAMES[(i // len(FIRST_NAMES) + 7 * i) % len(SURNAMES)]
        slug = f"{_slug(first_en)}-{_slug(last_en)}-{i + 1}"
        designation_en, designation_hi = DESIGNATIONS[rng.randrange(len(DESIGNATIONS))]
        org = ORGANIZATIONS[rng.randrange(len(ORGANIZATIONS))]
        data = {"name": {"hi": f"{first_hi} {last_hi}", "en": f"{first_en} {last_en}"}}
        if i % 4 == 0:
            data["honorific"] = {"hi": "डॉ.", "en": "Dr"}
        data |= {"designation": {"hi": designation_hi, "en": designation_en},
                 "organization": org[0], "status": "confirmed"}
        found.files[f"data/speakers/{slug}.yaml"] = _yaml("speaker", data, found.conclaves)
        first, second = rng.sample(BIO_SENTENCES, 2)
        found.files[f"content/speakers/{slug}.en.md"] = (
            f"{first_en} {last_en}, {designation_en} ({org[1]}), {first[0]} "
            f"{first_en} {second[0]}\n")
        found.files[f"content/speakers/{slug}.hi.md"] = (
            f"{first_hi} {last_hi}, {designation_hi} ({org[2]}), {first[1]} वे {second[1]}\n")
        found.speaker_slugs.append(slug)
        pool.append(data)
    return pool


def _start_day(i: int, conclaves: int) -> dt.date:
    day = FIRST_DAY + dt.timedelta(days=i * SPAN_DAYS // conclaves)
    if day <= TODAY <= day + dt.timedelta(days=1):  # neither past nor upcoming: move it on
        day = TODAY + dt.timedelta(days=2)
    return day


def _conclave(found: Plan, rng: random.Random, i: int, speakers: list[dict]) -> None:
    n = found.conclaves
    city_en, city_hi, state_en, state_hi = CITIES[(7 * i + 3) % len(CITIES)]
    theme_slug, theme_en, theme_hi = THEMES[i % len(THEMES)]
    kind_slug, kind_en, kind_hi = EVENT_KINDS[(i // len(THEMES)) % len(EVENT_KINDS)]
    start = _start_day(i, n)
    end = start + dt.timedelta(days=1)
    slug = f"msme-{theme_slug}-{kind_slug}-{_slug(city_en)}-{start.year}-{i + 1}"
    title = {"hi": f"एमएसएमई {theme_hi} {kind_hi}, {city_hi} {start.year}",
             "en": f"MSME {theme_en} {kind_en}, {city_en} {start.year}"}
    if end < TODAY:
        status = "unreported" if i % 3 == 2 else "held"
    else:
        status = "rescheduled" if i % 7 == 3 else "scheduled"
    hosts = rng.sample(HOSTS, 1 + i % 2)
    organizers = [{"organization": hosts[0], "roles": ["host"]}]
    organizers += [{"organization": o, "roles": ["co-organizer"]} for o in hosts[1:]]
    organizers.append({"organization": PARTNERS[i % len(PARTNERS)], "roles": ["partner"]})
    schemes = rng.sample(found.scheme_slugs, 2 + i % 2)
    topics = rng.sample(SESSION_TOPICS, 6)
    pool = found.speaker_slugs
    cast = [pool[(3 * i + k) % len(pool)] for k in range(SPEAKERS_PER_CONCLAVE)]
    rng.shuffle(cast)
    sessions = []
    for day in range(2):
        date = (start + dt.timedelta(days=day)).isoformat()
        for s, (begin, finish, track) in enumerate(SLOTS):
            if day == 0 and s == 0:
                en, hi = "Inauguration", "उद्घाटन"
            elif day == 1 and s == 0:
                en, hi = f"Keynote: the road ahead for {theme_en.lower()}", \
                    f"मुख्य भाषण: {theme_hi} की आगे की राह"
            else:
                en, hi = topics[day * 3 + s - 1]
            session = {
                "id": f"day-{day + 1}-{_slug(en)}"[:60].rstrip("-"),
                "title": {"hi": hi, "en": en}, "kind": KINDS[day][s], "date": date,
                "start": begin, "end": finish, "track": dict(TRACKS[track]),
                "summary": {"hi": f"{hi}: {city_hi} और आसपास के जिलों के उद्यमियों के साथ "
                                  "विशेषज्ञों और अधिकारियों की बातचीत।",
                            "en": f"{en}: experts and officials talk with entrepreneurs from "
                                  f"{city_en} and the districts around."},
                "speakers": [{"speaker": cast[k], "role": role} for k, role in CAST[day][s]],
            }
            if s == 1:
                session["schemes"] = [schemes[day]]
            sessions.append(session)
    data = {"title": title, "status": status, "start": start.isoformat(),
            "end": end.isoformat()}
    if status == "rescheduled":
        data["previous_start"] = (start - dt.timedelta(days=14)).isoformat()
    data |= {
        "venue": _slug(city_en), "organizers": organizers,
        "schemes": schemes,
        "topics": [{"hi": hi, "en": en} for en, hi in topics[:3]],
        "highlights": [{"hi": f"लगभग {40 + i % 30} स्टॉल की प्रदर्शनी",
                        "en": f"An exhibition of about {40 + i % 30} stalls"},
                       {"hi": "खरीदारों और विक्रेताओं की आमने-सामने बैठकें",
                        "en": "One-to-one meetings of buyers and sellers"}],
        "sessions": sessions,
    }
    found.conclave_data[slug] = data
    found.conclave_slugs.append(slug)
    found.files[f"data/conclaves/{slug}.yaml"] = _yaml("conclave", data, n)
    host = next(o for o in ORGANIZATIONS if o[0] == hosts[0])
    scheme = next(s for s in SCHEMES if s[0] == schemes[0])
    values = {"en": {"title": title["en"], "city": city_en, "state": state_en,
                     "scheme": scheme[1], "org": f"the {host[1]}",
                     "topic": _lower_first(topics[0][0])},
              "hi": {"title": title["hi"], "city": city_hi, "state": state_hi,
                     "scheme": scheme[2], "org": host[2], "topic": topics[0][1]}}
    order = rng.sample(range(len(CONCLAVE_SENTENCES)), len(CONCLAVE_SENTENCES))
    for lang, text in _descriptions(values, order, start, end < TODAY,
                                    {lang: [t[lang == "hi"] for t in topics]
                                     for lang in ("hi", "en")}).items():
        found.files[f"content/conclaves/{slug}.{lang}.md"] = text


def _descriptions(values: dict, order: list[int], start: dt.date, past: bool,
                  topics: dict[str, list[str]]) -> dict[str, str]:
    """A conclave's Markdown in both languages, at least WORDS words each and the same
    sentences in each: an opening, paragraphs of 3 sentences, a list of the topics."""
    opening = {
        "en": (f"The **{values['en']['title']}** {'was' if past else 'will be'} held on "
               f"{_days(start, 'en')} in {values['en']['city']}, {values['en']['state']}. "
               f"It {'was' if past else 'is'} organized by {values['en']['org']}."),
        "hi": (f"**{values['hi']['title']}** का आयोजन {_days(start, 'hi')} को "
               f"{values['hi']['city']}, {values['hi']['state']} में {'हुआ' if past else 'होगा'}। "
               f"इसके आयोजक {values['hi']['org']} {'थे' if past else 'हैं'}।"),
    }
    listing = {lang: ("The sessions cover:" if lang == "en" else "सत्रों के विषय:") + "\n\n"
               + "\n".join(f"- {t}" for t in topics[lang]) for lang in ("hi", "en")}
    words = {lang: len(opening[lang].split()) + len(listing[lang].split())
             for lang in ("hi", "en")}
    sentences: dict[str, list[str]] = {"hi": [], "en": []}
    while min(words.values()) < WORDS:
        k = order[len(sentences["en"]) % len(order)]
        for lang in ("hi", "en"):
            sentence = CONCLAVE_SENTENCES[k][lang == "hi"].format(**values[lang])
            sentences[lang].append(sentence)
            words[lang] += len(sentence.split())
    texts = {}
    for lang in ("hi", "en"):
        paragraphs = [opening[lang]]
        for p in range(0, len(sentences[lang]), 3):
            paragraphs.append(" ".join(sentences[lang][p:p + 3]))
            if p == 3:
                paragraphs.append(listing[lang])
        texts[lang] = "\n\n".join(paragraphs) + "\n"
    return texts


def _lower_first(text: str) -> str:
    """`Collateral-free credit` → `collateral-free credit`, but `MSMEs …` stays."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _days(start: dt.date, lang: str) -> str:
    end = start + dt.timedelta(days=1)
    month = MONTHS[start.month - 1][lang == "hi"]
    joiner = " and " if lang == "en" else " और "
    if end.month == start.month:
        return f"{start.day}{joiner}{end.day} {month} {start.year}"
    later = MONTHS[end.month - 1][lang == "hi"]
    first = f"{start.day} {month}" + (f" {start.year}" if end.year != start.year else "")
    return f"{first}{joiner}{end.day} {later} {end.year}"


def _news(found: Plan, j: int) -> None:
    slug = found.conclave_slugs[2 * j]
    conclave = found.conclave_data[slug]
    start = dt.date.fromisoformat(conclave["start"])
    end = dt.date.fromisoformat(conclave["end"])
    title = conclave["title"]
    if end < TODAY:  # a report of the conclave, the day after it
        published = min(end + dt.timedelta(days=1), TODAY - dt.timedelta(days=1))
        headline = {"hi": f"{title['hi']} संपन्न", "en": f"{title['en']} concludes"}
        opening = {"hi": f"{title['hi']} का आयोजन {_days(start, 'hi')} को हुआ।",
                   "en": f"The {title['en']} took place on {_days(start, 'en')}."}
    else:  # an announcement, in December 2025
        published = dt.date(2025, 12, 1 + j % 28)
        headline = {"hi": f"{title['hi']} के लिए पंजीकरण शुरू",
                    "en": f"Registration opens for the {title['en']}"}
        opening = {"hi": f"{title['hi']} {_days(start, 'hi')} को होगा।",
                   "en": f"The {title['en']} will be held on {_days(start, 'en')}."}
    news = f"{slug}-news"
    data = {"title": headline, "published": f"{published.isoformat()} {10 + j % 8}:30",
            "conclave": slug}
    found.files[f"data/news/{news}.yaml"] = _yaml("news", data, found.conclaves)
    for lang in ("hi", "en"):
        body = " ".join(s[lang == "hi"] for s in NEWS_SENTENCES)
        found.files[f"content/news/{news}.{lang}.md"] = f"{opening[lang]}\n\n{body}\n"
    found.news_slugs.append(news)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _yaml(kind: str, data: dict, conclaves: int) -> str:
    head = (f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
            f"# Synthetic content (sammelan.tools.synthetic, {conclaves} conclaves).\n")
    return head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=4096, default_flow_style=False)


class _Dumper(yaml.SafeDumper):
    """Every value written out in full: no `&id001` anchors for repeated values."""

    def ignore_aliases(self, data) -> bool:
        return True
