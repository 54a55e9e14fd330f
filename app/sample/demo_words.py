"""The words the sample community is made of: names, places, hobbies, group names."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "慕容", "司徒", "令狐", "皇甫", "夏侯")
POPULAR_GIVEN = _words(
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 婷 浩然 子轩 欣怡 "
    "梓涵 一诺 雨桐 宇轩 思远 佳怡 晨曦 建国 志强 丽娟 海燕 俊杰"
)
GIVEN_CHARS = (
    "子梓浩宇轩欣怡佳一诺雨思晨涵博文俊泽嘉晓小天明志伟建国华丽婷雪琳颖楠鹏飞辉磊杰超强军斌宁"
    "静敏燕红芳娟霞玲萍丹阳洋帆凯昊然睿瑞琪璐露悦彤萱妍馨蕾琦航宏毅峰龙海波江涛亮春秋冬梅兰竹"
    "松林森云风晴安乐心语墨书诗言可若依伊"
)
LATIN_NAMES = _words(
    "Tony Kevin Amy Coco Lucky Jason Vivian Eric Cindy Leo Mia Jack Lily Sunny Andy Grace Peter "
    "Ivy Sam Zoe Kiki Alex Ben Chloe David Emma Frank Helen Nina Oscar"
)
NICKNAMES = _words(
    "小鱼🐟 阿杰 老王 大熊 小米粒 木子 一只猫 南风 橙子 阿飞 西瓜太郎 快乐的小鸭 晴天 追风少年 "
    "山海 半糖 老猫 鹿鹿 小太阳☀️ 不吃香菜 咸鱼翻身 阿May 花花🌸 Kiki酱 大白 小七 阿狸 momo 糖糖"
)
CITIES = (
    ("上海", "Shanghai", 14), ("北京", "Beijing", 13), ("深圳", "Shenzhen", 10),
    ("广州", "Guangzhou", 9), ("杭州", "Hangzhou", 7), ("成都", "Chengdu", 7),
    ("武汉", "Wuhan", 5), ("南京", "Nanjing", 5), ("西安", "Xi'an", 4), ("重庆", "Chongqing", 4),
    ("苏州", "Suzhou", 4), ("天津", "Tianjin", 3), ("长沙", "Changsha", 3),
    ("郑州", "Zhengzhou", 3), ("青岛", "Qingdao", 2), ("厦门", "Xiamen", 2), ("合肥", "Hefei", 2),
    ("昆明", "Kunming", 2), ("大连", "Dalian", 2), ("宁波", "Ningbo", 2), ("济南", "Jinan", 2),
    ("福州", "Fuzhou", 2), ("沈阳", "Shenyang", 2), ("东莞", "Dongguan", 2),
    ("哈尔滨", "Harbin", 1), ("南宁", "Nanning", 1), ("佛山", "Foshan", 1), ("无锡", "Wuxi", 1),
)  # fmt: skip
HOBBIES = (
    ("摄影", "Photography"), ("徒步", "Hiking"), ("跑步", "Running"), ("骑行", "Cycling"),
    ("读书", "Book Club"), ("烘焙", "Baking"), ("咖啡", "Coffee"), ("桌游", "Board Games"),
    ("剧本杀", ""), ("露营", "Camping"), ("飞盘", "Ultimate"), ("羽毛球", "Badminton"),
    ("篮球", "Basketball"), ("养猫", "Cat Lovers"), ("多肉", ""), ("手账", ""),
    ("吉他", "Guitar"), ("书法", ""), ("汉服", ""), ("电影", "Movie Night"), ("日语", "Japanese"),
    ("英语角", "English Corner"), ("健身", "Fitness"), ("瑜伽", "Yoga"), ("滑雪", "Ski"),
    ("自驾游", "Road Trips"), ("美食", "Foodies"), ("理财", ""), ("育儿", ""),
    ("AI绘画", "AI Art"), ("Python", "Python"), ("独立开发", "Indie Hackers"), ("数码", "Gadgets"),
    ("钓鱼", "Fishing"),
)  # fmt: skip
GAMES = _words(
    "王者荣耀 和平精英 原神 英雄联盟 我的世界 炉石传说 金铲铲之战 蛋仔派对 永劫无间 第五人格 光遇"
)
TEAMS = _words("NBA 湖人 勇士 凯尔特人 曼联 皇马 中超 F1")
STARS = _words(
    "周杰伦 五月天 薛之谦 林俊杰 陈奕迅 邓紫棋 毛不易 李健 华晨宇 张学友 孙燕姿 王菲 罗翔"
)
PRODUCTS = _words(
    "小米手环 蔚来 理想汽车 大疆无人机 Kindle 拓竹3D打印 飞书 石墨文档 Notion 喜马拉雅 有赞 "
    "极空间NAS 得到App 小鹏汽车 Keep"
)
UNIVERSITIES = _words("复旦 交大 浙大 武大 川大 中大 南大 华科 同济 北师大 厦大")
GUILDS = _words("逍遥 听雨阁 星辰 长风 醉月楼 天下 归来")
TAGS = (
    ("摄影", 6), ("志愿者", 5), ("老用户", 8), ("设计师", 4), ("程序员", 5), ("学生", 6),
    ("宝妈", 3), ("户外", 4), ("游戏", 5), ("读书", 3), ("新人", 6), ("潜水", 5), ("讲师", 1),
    ("商务合作", 1), ("媒体", 1), ("KOL", 1),
)  # fmt: skip
PROFESSIONS = _words("设计师 程序员 摄影师 学生 宝妈 HR 律师 老师 产品经理 医生 销售 自由职业")
EMOJIS = ("🌸", "🍀", "⭐", "🐱", "☀️", "🌙", "🎈")
BAN_REASONS = ("发广告", "多次刷屏", "发诈骗链接", "人身攻击", "私拉群员", "发布违规内容")
PROMOTION_REASONS = (
    "经常参与讨论", "组织线下活动3次", "担任群管理", "主动帮忙答疑", "入群一年且无违规",
    "带来很多新成员", "分享会主讲",
)  # fmt: skip
DEMOTION_REASONS = ("连续三个月未参与", "本人申请卸任", "违规一次，暂停管理")
STAR_NOTES = (
    "摄影圈小有名气，作品常被转发", "B站UP主，粉丝10万+", "资深玩家，群里的灵魂人物",
    "行业大咖，每月一次分享", "热心肠，很多人冲着TA进群",
)  # fmt: skip
HELPER_NOTES = ("负责新人答疑", "擅长组织线下活动", "周末有空", "负责群公告和群规", "")
TOPICS = (
    "本周话题：{topic}入门最想知道什么？", "话题讨论：你和{topic}的故事", "投票：下次活动定在哪天",
    "分享会：{topic}进阶心得（主讲：群友）", "欢迎本周新朋友，做个自我介绍吧",
    "投票：群名片统一格式", "话题：{city}周末去哪儿", "打卡活动：连续7天分享你的{topic}日常",
)  # fmt: skip
GROUP_NAMES = {
    "interest": _words(
        "{city}{hobby}爱好者{n}群 {city}{hobby}交流群 {hobby}同好会 {city}{hobby}俱乐部 "
        "{game}周末开黑 {game}{city}开黑{n}群 {game}老玩家群 {team}球迷之夜 {team}看球{n}群"
    ),
    "fan": _words("{star}歌迷会·{city}站 {star}粉丝{n}群 {star}全国后援会 {star}演唱会拼车群"),
    "organisation": _words(
        "{city}志愿者协会 {univ}{city}校友会 {univ}{year}级校友群 {city}户外协会 {guild}公会 "
        "{city}新媒体运营人 {city}产品经理联盟"
    ),
    "customers": _words(
        "{product}用户交流群 {product}用户{n}群 {product}VIP客户群 {product}{city}用户群 "
        "{product}售后服务群 {product}内测体验群"
    ),
    "other": _words(
        "{city}同城交友 {city}闲置转让{n}群 摸鱼闲聊群 {city}拼车群 {city}租房互助群 "
        "吃喝玩乐在{city}"
    ),
}
ENGLISH_GROUP_NAMES = ("{city_en} {hobby_en}", "{hobby_en} 中文社区", "{hobby_en} CN")
TAG_BY_SLOT = {"game": "游戏", "team": "篮球", "product": "老用户", "guild": "游戏"}
CORE_SUFFIXES = ("核心管理组", "管理员群", "骨干群", "运营小组", "志愿者小组")
DESCRIPTIONS = {
    "interest": (
        "{city}{topic}爱好者的聚集地：分享、答疑、约活动。",
        "欢迎{topic}同好！每周有主题分享，不定期线下聚会。",
    ),
    "fan": ("{topic}粉丝大本营：应援、拼车、分享现场。", "一起听{topic}的歌，聊演唱会和新专辑。"),
    "organisation": ("{name}：成员通知、活动报名、互帮互助。",),
    "customers": ("{topic}用户交流：新功能预告、使用技巧、问题反馈。",),
    "other": ("{name}：互帮互助，友善交流，拒绝广告。",),
    "core": ("{parent}的管理与骨干成员：商量群务、排班、策划活动。",),
}
ANNOUNCEMENT = "群规：1. 禁止广告和拉人 2. 友善交流，不引战 3. 群名片改为“城市-昵称”。"
ANNOUNCEMENT_EXTRAS = ("每周六晚8点主题分享。", "新人请先看群文件。", "活动报名见群接龙。", "")
GROUP_KINDS_BY_PLATFORM = {
    "wechat": {"interest": 40, "fan": 12, "organisation": 18, "customers": 20, "other": 10},
    "qq": {"interest": 50, "fan": 30, "organisation": 10, "customers": 5, "other": 5},
    "wecom": {"customers": 80, "organisation": 20},
    "telegram": {"interest": 60, "fan": 10, "other": 30},
    "discord": {"interest": 80, "fan": 20},
}
PLATFORM_SHARE = (("wechat", 54), ("qq", 30), ("wecom", 7), ("telegram", 5), ("discord", 4))
CAPS = {"wechat": 500, "qq": 2000, "wecom": 500, "telegram": None, "discord": None}
NICKNAME_RATE = {"wechat": 0.35, "qq": 0.5, "wecom": 0.2, "telegram": 0.1, "discord": 0.15}
SPEAK_RATE = {"wechat": 0.5, "qq": 0.85, "wecom": 0.3, "telegram": 0.6, "discord": 0.7}
TIER_SHARE = (0.003, 0.03, 0.20, 0.10, 0.10)  # of the top tiers; the rest are in the lowest
TIER_WEIGHT = (7.0, 4.5, 2.0, 1.0)  # how many groups a member of each tier tends to be in
SPOKE_DAYS = (3.0, 6.0, 20.0, 90.0)  # mean days since last spoke, by tier
CHECKIN_NOTES = (
    "聊了聊最近群里的情况", "问了问新人答疑的进展", "商量下周的话题", "约好线下活动的分工",
    "听了听TA对群规的建议", "一起复盘了上次分享会", "TA最近工作忙，先少管点事",
)  # fmt: skip
RECOGNITION_NOTES = (
    ("thanks", "群内公开感谢"), ("thanks", "在群公告里点名感谢"), ("title", "授予“优秀管理员”称号"),
    ("title", "年度最佳群主助理"), ("gift", "寄了一份周边小礼物"), ("other", "推荐为分享会主讲"),
)  # fmt: skip
MEETUP_TITLES = (
    "{city}{topic}线下聚会", "{topic}分享沙龙", "周末{topic}交流会", "{topic}新老朋友见面会",
    "{city}群友聚餐", "{topic}主题活动",
)  # fmt: skip
MEETUP_VENUES = ("街角咖啡馆", "共享会议室", "社区活动中心", "书店二楼", "公园东门草坪", "桌游吧")
SEASON_TITLES = (  # by season: winter (December to February), spring, summer, autumn
    ("{topic}年终聚会", "{topic}新年见面会"),
    ("{topic}春季聚会", "{city}{topic}踏青活动"),
    ("{city}{topic}夏日活动", "{topic}消夏交流会"),
    ("{topic}秋季交流会", "{city}{topic}秋游"),
)
CANCEL_NOTES = (
    "因天气原因取消，改期另行通知。",
    "报名人数不足，本次取消。",
    "场地临时有变，活动取消。",
)
