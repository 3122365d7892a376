"""Arabic test articles for the API tests, written for them (fictional figures)."""

from __future__ import annotations

# Pyongyang spelt with غ (and a conjunction glued to it), Shoigu with غ
ART_A = """قوات جديدة تصل إلى الحدود الشمالية
أعلنت وزارة الدفاع في سيول وبيونغ يانغ يوم الاثنين أن نحو 1200 جندي وصلوا إلى المنطقة الحدودية.
وقال وزير الدفاع الروسي سيرغي شويغو إن التعاون العسكري سيستمر، مضيفًا أن 300 عربة رافقت القافلة.
"""
# the same story with ج spellings (بيونج يانج, شويجو) and another figure
ART_B = """مصادر: ثلاثة آلاف جندي آخرين في الطريق
نقلت وكالة رويترز عن مصادر في بيونج يانج أن 3000 جندي سيصلون الأسبوع المقبل.
وبحسب ما قاله شويجو للصحفيين، فإن الدفعة الأولى ضمت 1500 جندي.
"""
# another story altogether
ART_C = """فيضانات في مدينة الساحل
ارتفعت حصيلة ضحايا الفيضانات في مدينة الساحل إلى 45 قتيلًا بحسب الهلال الأحمر، فيما نزحت 200 أسرة من القرى المجاورة.
"""


def json_articles() -> list[dict]:
    return [
        {"text": ART_A, "title": "قوات جديدة تصل إلى الحدود الشمالية", "outlet": "وكالة الشمال",
         "published": "2026-04-01"},
        {"text": ART_B, "title": "ثلاثة آلاف جندي آخرين في الطريق", "outlet": "صحيفة الجنوب",
         "published": "2026-04-03"},
        {"text": ART_C, "title": "فيضانات في مدينة الساحل", "outlet": "وكالة الشمال", "published": "2026-04-05"},
    ]
