"""The words and shapes of the sample's chat history: when people talk, what their messages
are, the ads some post, the bots of some platforms and the export each platform's history
came from."""

from __future__ import annotations

# messages per local hour of the day, relative (quiet at night, lunch and evening peaks)
HOUR_SHAPE = (
    0.30, 0.15, 0.08, 0.05, 0.05, 0.10, 0.30, 0.70, 1.00, 1.20, 1.30, 1.40,
    1.60, 1.30, 1.10, 1.10, 1.10, 1.20, 1.30, 1.50, 1.80, 1.90, 1.50, 0.80,
)  # fmt: skip
WEEKDAY_SHAPE = (1.0, 1.0, 1.0, 1.0, 1.05, 0.9, 0.85)  # Monday first
# a message's kind and flags by a draw in [0, 1): (upper bound, kind, flags)
KINDS = (
    (0.62, "text", 0),
    (0.74, "text", 4),  # a reply
    (0.76, "text", 1),  # with a link
    (0.78, "link", 1),
    (0.88, "image", 0),
    (0.95, "sticker", 0),
    (0.97, "file", 0),
    (1.00, "other", 0),
)
# the export each platform's history came from (``io.chats`` format names)
FORMAT_OF = {
    "wechat": "weflow-json",
    "wecom": "weflow-json",
    "qq": "qq-chat-exporter-json",
    "telegram": "telegram-json",
    "discord": "discordchatexporter-json",
    "other": "chatlab-json",
}
FILE_OF = {
    "weflow-json": "{name}.json",
    "qq-chat-exporter-json": "group_{chat_id}.json",
    "telegram-json": "result.json",
    "discordchatexporter-json": "{name} - general [{chat_id}].json",
    "chatlab-json": "{name}.chatlab.json",
}
# the operator's own account on each platform (My accounts)
OPERATOR_IDS = {
    "wechat": "wxid_huoqun_owner",
    "wecom": "wxid_huoqun_owner",
    "qq": "10001",
    "telegram": "5550001",
    "discord": "555000100000000001",
    "other": "huoqun-owner",
}
BOTS = {"telegram": ("7001234567", "GroupHelpBot"), "discord": ("155149108183695360", "Dyno")}
BOT_SHARE = 0.02  # of a Telegram or Discord group's messages

# ad-like messages: each has a word of ``ad_like.AD_WORDS`` and a way to reach the sender
ADS = (
    "兼职刷单，日结200-500，在家就能做，有意者加微信 {wx}",
    "免费送护肤小样，限量100份，扫码领取 https://{site}.top/{code}",
    "招募代理，一件代发，零库存，详情私聊我，vx：{wx}",
    "优惠券每天更新，大额返利，进群领取：https://{site}.xyz/q/{code}",
    "宝妈兼职，手机操作，一单一结，加V {wx} 备注群名",
    "低价代理各类会员，需要的加微信 {wx}，电话 {phone}",
)
SPAM_SITES = ("yhq88", "fanli365", "quanzi", "jianzhi24", "hongbao8", "daili99")
# what the ads posted before a violation was logged said (the rules of ``demo_rules``)
RULE_ADS = {
    1: ADS,  # 禁止广告和拉人
    5: (  # 禁止诈骗和违法内容
        "刷单兼职，垫付返利，日赚300，私聊我 QQ {qq}",
        "内部渠道，稳赚不赔，扫码进群领取彩金 https://{site}.vip/{code}",
    ),
}
