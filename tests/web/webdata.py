"""Arabic test articles for the web tests, written for them (fictional figures), and a hostile one."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")       # Debian's package; Playwright never downloads a browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

TROOPS = """وصول دفعة جديدة من القوات إلى الحدود
أعلنت وزارة الدفاع في سيول وبيونغ يانغ يوم الاثنين أن نحو 1200 جندي وصلوا إلى المنطقة الحدودية.
وقال وزير الدفاع الروسي سيرغي شويغو إن التعاون العسكري سيستمر، مضيفًا أن 300 عربة رافقت القافلة.
"""
TROOPS_B = """ثلاثة آلاف جندي آخرين في الطريق
نقلت وكالة رويترز عن مصادر في بيونج يانج أن 3000 جندي سيصلون الأسبوع المقبل.
وبحسب ما قاله شويجو للصحفيين، فإن الدفعة الأولى ضمت 1500 جندي.
"""
HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_TEXT = ("نص فيه شيفرة <script>window.__pwned = 3; alert('x')</script> وصورة <img src=x onerror=\"alert(4)\"> "
                "ورابط <a href=\"javascript:alert(5)\">اضغط</a>، وقد قُتل 12 شخصًا بحسب «المصادر» & غيرها.")


def hostile_article() -> dict:
    return {"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "outlet": "<b>وكالة</b>\"'><script>alert(6)</script>",
            "url": "javascript:alert(7)", "published": "2026-04-02"}
