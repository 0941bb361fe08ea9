"""A generative grammar for the synthetic reports' prose (``synthetic.narrative``): sentence templates whose slots
draw from word lists (actors, adverbs, verbs, domains, objects, channels, purposes, document kinds, numbers), so
that sentences rarely repeat and the prose compresses and indexes as real reports' prose does
(``benchmarks/prose_realism.py`` compares them). Written for these benchmarks in the register of the reports, not
taken from any report.

A template is text with ``{SLOT}`` marks; a slot is a word list (whose words may hold slots themselves; numbers
are word lists too: ``N``, ``SMALL``, ``MONTH``, ``DAY``, ``PCT``, ``AMOUNT``); ``{a}`` the agency, ``{y}`` the year,
``{p}`` the year before, ``{r}`` the applications received (table 三's total, the one count the parser checks
against the tables). No other template counts in 件 or names 收到/受理/复议/诉讼/规范性文件 near a number, so no
other sentence reads as a claim the parser checks (``rules/narrative_claims.csv``).

>>> import random
>>> text = expand("{y}年，{a}{ADV}{VERB}{OBJ}。", random.Random(1), {"a": "某局", "y": "2024"})
>>> text.startswith("2024年，某局") and text.endswith("。")
True
"""

from __future__ import annotations

import itertools
import math
import random
import re

WORDS: dict[str, tuple[str, ...]] = {
    "TIME": ("全年", "{y}年", "年内", "报告期内", "{y}年上半年", "{y}年下半年", "一季度", "二季度", "三季度",
             "四季度", "截至{y}年底", "{y}年{MONTH}月", "自{MONTH}月起", "年初以来", "{MONTH}月份", "本年度"),
    "ACTOR": ("{PLACE}{TOWNGOV}", "{DMOD}{DNOUN}科", "{DMOD}{DNOUN}中心", "{DMOD}{DNOUN}股", "本单位", "{a}",
              "我局", "局党组", "局办公室", "政务公开工作领导小组", "各科室", "局属各单位",
              "信息公开专班", "分管负责同志", "各业务科室", "法规科", "综合科", "政策法规股", "局机关各股室",
              "下属事业单位", "办公室信息公开岗", "主要负责同志", "机关党委", "各执法大队", "窗口工作人员",
              "网站编辑部", "新闻宣传科", "督查室", "{NAME}中心站", "{NAME}服务所", "{NAME}管理处", "{NAME}执法中队"),
    "ADV": ("进一步", "持续", "全面", "扎实", "切实", "稳步", "有序", "及时", "主动", "依法", "认真", "着力",
            "不断", "深入", "统筹", "常态化", "集中", "分类", "逐项", "动态", "精准", "严格", "积极", "高标准",
            "系统", "周密", "有效", "重点", "逐步", "全力", "全程", "集中力量", "多渠道", "多形式", "按季度",
            "按月", "定期", "专项", "联合", "广泛", "规范", "细致", "因地制宜", "分层分级", "跟踪", "靠前",
            "逐级", "逐户", "挂图作战", "清单化", "闭环", "提前", "同步", "限时", "从严", "从快", "就近", "随时"),
    "VERB": ("推进", "落实", "健全", "完善", "规范", "强化", "加强", "优化", "拓展", "细化", "压实", "建立",
             "梳理", "更新", "发布", "解读", "开展", "组织", "督促", "指导", "核查", "整合", "公开", "深化",
             "部署", "抓好", "做好", "提升", "编制", "修订", "调整", "归集", "汇总", "清理", "维护", "巩固",
             "谋划", "夯实", "筑牢", "织密", "打通", "畅通", "延伸", "下沉", "充实", "丰富", "聚焦", "对接", "衔接",
             "排查", "整改", "检视", "复盘", "研判", "宣传", "推广", "普及", "引导", "征集", "听取", "回应", "跟踪",
             "通报", "评议", "考评", "备案", "登记", "审查", "把关", "校对", "迭代", "升级",
             "摸排", "盘活", "厘清", "划定", "核定", "测算", "拟定", "起草", "报批", "印发", "转办", "督办", "交办",
             "约谈", "问责", "补齐", "提炼", "固化", "配齐", "选派", "挂牌", "验收", "移交", "接收", "承接", "兜牢"),
    "DOMAIN": ("{FIELD}", "{FIELD}", "{DMOD}{DNOUN}", "{MATTER}", "{MATTER}", "{PLACE}{PROJ}", "{PLACE}{DMOD}{DNOUN}",
               "{THING}{WORK}", "{THING}{WORK}", "{THING}{WORK}"),
    # a long tail of concrete matters, thing × work: 桥梁维护, 湿地修复, 粮库巡查
    "THING": ("资金", "项目", "设施", "园区", "企业", "学校", "医院", "道路", "桥梁", "河道", "农田", "林地", "草原",
              "湿地", "管网", "电网", "燃气", "供热", "物业", "市场", "商户", "景区", "车辆", "船舶", "码头", "仓储",
              "粮库", "药品", "疫苗", "血站", "校车", "食堂", "电梯", "锅炉", "堤防", "水库", "泵站", "渠道", "机井",
              "路灯", "公厕", "绿地", "广场", "场馆", "书屋", "剧场", "展馆", "古村落", "祠堂", "古建筑", "寺观",
              "墓地", "陵园", "矿山", "采石场", "砂场", "加油站", "充电站", "停车场", "驾校", "网吧", "宾馆",
              "民宿", "超市", "菜场", "屠宰场", "养殖场", "苗圃", "果园", "茶园", "鱼塘", "牧场", "蜂场", "农机",
              "种子", "化肥", "农药", "饲料", "兽药", "渔具", "烟草", "酒类", "粮油", "盐业", "燃油", "煤炭",
              "天然气", "光缆", "基站", "机房", "档案", "印章", "证照", "票据", "公车", "办公用房", "周转房",
              "安置房", "廉租房", "集体土地", "宅基地", "耕地", "山林", "水面", "滩涂", "岸线", "航道", "隧道",
              "涵洞", "边坡", "危岩", "尾矿", "污泥", "废旧物资", "医疗废物", "餐厨垃圾", "建筑垃圾", "污水",
              "雨水", "地下水", "饮用水", "空气质量", "噪声", "辐射", "特种设备", "危化品", "民爆物品", "消防栓"),
    "WORK": ("改造", "整治", "监测", "巡查", "维护", "补贴", "登记", "审批", "验收", "备案", "评估", "建设", "运营",
             "管护", "清理", "修复", "提升", "排查", "核查", "认定", "检测", "检验", "抽检", "执法", "收费", "定价",
             "招标", "采购", "租赁", "拍卖", "处置", "回收", "统计", "普查", "确权", "流转", "补偿", "安置", "赔偿",
             "奖补", "扶持", "保险", "信贷", "调度", "应急", "预警", "防护", "消毒", "封存", "许可", "年检",
             "注销", "变更", "更新", "扩容", "迁移", "关停", "复垦", "绿化", "亮化", "硬化", "保洁", "养护"),
    "FIELD": ("财政预决算", "重大建设项目", "公共资源配置", "义务教育", "医疗卫生", "生态环境保护", "食品药品监管",
               "安全生产", "乡村振兴", "优化营商环境", "社会救助", "养老服务", "就业创业", "保障性住房", "征地补偿",
               "城市更新", "交通运输", "防汛抗旱", "文化旅游", "惠农补贴", "双随机一公开", "行政许可", "行政处罚",
               "人事任免", "公务员招录", "规划计划", "统计数据", "政府采购", "耕地保护", "水资源管理", "消防救援",
               "退役军人服务", "医疗保障", "市场监管", "知识产权", "科技创新", "数字政府", "公共数据开放",
               "户籍管理", "不动产登记", "农村人居环境", "老旧小区改造", "减税降费", "涉企收费", "扶残助残",
               "未成年人保护", "农民工工资支付", "住房公积金", "校外培训治理", "药品集中采购", "农村危房改造",
               "河湖长制", "林长制", "节能降碳", "高标准农田建设", "粮食安全", "应急管理", "社会信用体系建设",
               "财政资金直达", "国有资产管理", "政务服务事项", "审批服务", "招商引资", "产业园区建设", "数字经济",
               "公共法律服务", "人口监测", "妇女儿童发展", "体育健身", "广播电视", "地质灾害防治", "森林防火",
               "冬春季供暖", "城乡供水", "垃圾分类", "大气污染防治", "土壤污染防治", "危险化学品监管", "特种设备安全",
               "价格监测", "计量检定", "旅游市场秩序", "文物保护", "非遗传承", "教育收费", "学生资助", "职业技能培训",
               "最低生活保障", "临时救助", "殡葬管理", "婚姻登记", "社会组织管理", "慈善捐赠", "法律援助",
               "人民调解", "社区矫正", "普法宣传", "公共卫生", "基层医疗机构", "家庭医生签约", "疾病预防控制",
               "农产品质量安全", "动物防疫", "农机购置补贴", "农村集体产权", "宅基地管理", "水土保持", "灌区改造"),
    "DMOD": ("农村", "城市", "公共", "基层", "社区", "企业", "重点", "校园", "医疗", "交通", "农业", "工业", "民生",
             "生态", "文化", "养老", "食品", "消防", "应急", "水利", "林业", "能源", "金融", "物流", "商贸", "旅游",
             "体育", "科技", "人才", "就业", "住房", "城乡", "区域", "流域", "口岸", "园区", "网络", "数据"),
    "DNOUN": ("安全", "服务", "治理", "建设", "管理", "保障", "改革", "监管", "发展", "规划", "救助", "补贴",
              "执法", "整治", "配套", "运营", "防控", "扶持", "普查", "评估", "信用", "标准化", "数字化", "风险排查"),
    "MATTER": ("秸秆禁烧", "燃气管道隐患整治", "电动自行车充电", "校园周边环境", "冬季清雪", "蔬菜价格", "生猪稳产保供",
               "野生动物保护", "古树名木保护", "噪声扰民", "餐饮油烟", "电梯维保", "犬只管理", "房屋租赁",
               "物业服务", "供热计量", "地下水超采", "矿山生态修复", "尾矿库", "渔船管理", "禁渔期", "茶叶产业",
               "中药材种植", "民宿发展", "夜间经济", "直播电商", "快递进村", "充电桩布局", "光伏发电", "风电项目",
               "公交线路调整", "网约车", "驾驶培训", "学区划分", "招生入学", "营养午餐", "托育服务", "助餐点",
               "适老化改造", "残疾人两项补贴", "孤儿基本生活费", "困境儿童", "烈士纪念设施", "退役士兵安置",
               "兵役登记", "无偿献血", "病媒生物防制", "控烟", "饮用水水源地", "黑臭水体", "扬尘污染", "烟花爆竹",
               "液化石油气", "自建房安全", "高层建筑消防", "防溺水", "汛期值守", "山洪预警", "蝗虫防治", "松材线虫",
               "耕地占补平衡", "土地征收", "拆迁安置", "棚改回迁", "公租房分配", "物业维修资金", "商品房预售",
               "建筑工地", "农民专业合作社", "家庭农场", "种粮补贴", "良种推广", "农资打假", "兽药残留", "冷链食品",
               "网络订餐", "保健食品", "化妆品", "医疗器械", "药店监管", "医保基金", "异地就医", "门诊慢特病",
               "村卫生室", "乡镇卫生院", "急救站点", "精神卫生", "职业病防治", "个体工商户", "小微企业", "专精特新",
               "首台套", "技术改造", "招工用工", "创业担保贷款", "稳岗返还", "技能补贴", "零工市场", "欠薪治理"),
    "HEAD": ("{HMOD}{HNOUN}", "{HMOD}{HNOUN}", "{HMOD}{HNOUN}", "{HMOD}{HNOUN}",
             "信息", "领域信息", "专题栏目", "政策文件", "办事指南", "数据", "资金使用情况", "项目进展",
             "监管信息", "执行情况", "实施方案", "工作动态", "公示公告", "标准目录", "责任清单", "审批结果",
             "检查结果", "统计分析", "考核结果", "申报条件", "补贴标准", "收费标准", "年度计划", "政策问答",
             "办理结果", "处罚决定", "许可信息", "名单", "公示名单", "资金分配结果", "招标公告", "中标结果",
             "评审结果", "督查情况", "整改情况", "巡查记录", "运行情况", "进展情况", "服务事项", "价格信息",
             "监测数据", "预警信息", "调查报告", "征求意见稿"),
    "HMOD": ("资金", "项目", "政策", "审批", "执法", "检查", "监测", "考核", "招标", "补贴", "收费", "服务", "申报",
             "办理", "评审", "整改", "督查", "运行", "分配", "建设", "财务", "预算", "绩效", "统计", "验收", "抽检",
             "价格", "质量", "安全", "投诉", "信用", "备案", "登记", "许可", "奖励", "处罚", "调查", "规划", "用地"),
    "HNOUN": ("情况", "结果", "信息", "数据", "标准", "清单", "目录", "名单", "公告", "指南", "流程", "依据", "条件",
              "计划", "报告", "进度", "动态", "公示", "明细", "台账", "方案", "记录", "通报", "须知"),
    "OBJ": ("{DOMAIN}{HEAD}{OBJN}", "{DOMAIN}{HEAD}{OBJN}", "{DOMAIN}{OBJN}", "{DOMAIN}{OBJN}", "政务公开工作机制",
            "信息发布审核制度", "保密审查机制", "政策解读机制", "政务舆情回应机制",
            "依申请公开办理流程", "主动公开基本目录", "政府信息公开指南", "政府信息管理台账", "公开属性源头认定",
            "政务公开标准化规范化建设", "基层政务公开", "政务新媒体矩阵", "网站栏目设置", "政策文件库",
            "公开工作考核评议", "工作人员业务培训", "意见建议征集", "政民互动渠道", "决策预公开",
            "{DOMAIN}{HEAD}公开", "{DOMAIN}专栏", "{DOMAIN}政策解读", "{DOMAIN}信息发布", "{DOMAIN}公开目录",
            "会议开放制度", "新闻发言人制度", "文件公开属性审查", "公开内容动态更新", "信息公开年度报告编制",
            "已公开信息自查", "政府网站内容保障", "重大行政决策目录", "公众参与机制", "答复文书模板",
            "申请登记台账", "依申请公开转主动公开", "公开工作责任清单", "网站错敏信息排查", "政务数据共享"),
    "OBJN": ("机制", "制度", "台账", "清单", "流程", "平台", "目录", "专栏", "工作", "审核", "更新", "发布", "解读"),
    "CHANNEL": ("门户网站", "政务新媒体", "微信公众号", "政务微博", "政府公报", "新闻发布会", "政务服务大厅",
                "便民服务中心", "村（居）务公开栏", "档案馆查阅点", "图书馆查阅点", "政务服务便民热线",
                "政务公开专区", "融媒体中心", "电子显示屏", "短视频平台", "政务服务网", "宣传折页",
                "广播电视专题节目", "手机客户端", "社区宣传栏", "户外公示牌"),
    "PURPOSE": ("{PVERB}{DOMAIN}{PGOAL}", "{PVERB}{DOMAIN}{PGOAL}", "{PVERB}{DOMAIN}{PGOAL}", "让{AUDIENCE}{PFEEL}",
                "让{AUDIENCE}{PFEEL}", "{DOMAIN}{HEAD}{PSTATE}"),
    "PVERB": ("推动", "促进", "确保", "助力", "保障", "支撑", "带动", "引导", "方便群众了解", "便于企业掌握", "服务"),
    "PGOAL": ("工作提质增效", "政策落地见效", "各项任务落实", "信息及时准确发布", "公开更加规范", "透明度进一步提高",
              "政策知晓率提升", "接受社会监督", "工作平稳有序", "健康发展", "常态长效", "高质量发展", "提速增效"),
    "AUDIENCE": ("群众", "企业", "办事人", "老年人", "外来务工人员", "市场主体", "村民", "居民", "学生家长", "经营户"),
    "PFEEL": ("看得到、听得懂", "少跑腿", "办事更便捷", "及时知晓政策", "放心满意", "有渠道反映诉求", "找得到、用得上"),
    "PSTATE": ("公开率达到100%", "实现全覆盖", "做到按月更新", "做到应公开尽公开", "全部按时公开", "实现动态更新"),
    "CONCERN": ("群众关注的热点问题", "社会关切", "企业诉求", "重点领域", "民生实事", "重点工作",
                "政策执行中的难点", "群众反映集中的问题", "重要时间节点", "重大决策部署"),
    "ISSUE": ("{DOMAIN}{HEAD}{IPROB}", "{DOMAIN}{HEAD}{IPROB}", "{CHANNEL}{IPROB}", "部分栏目内容不够丰富",
              "政策解读的形式较为单一", "基层政务公开工作发展不平衡", "工作人员业务能力有待提升",
              "政民互动回应的时效性还需加强", "公开属性认定还不够精准"),
    "IPROB": ("更新不够及时", "不够全面", "解读不够深入", "发布不够规范", "覆盖面不广", "查找不便", "内容较为单薄",
              "与群众需求结合不够", "统筹协调不够", "时效性不强", "数据开放程度不高", "存在错漏"),
    "DOC": ("实施方案", "管理办法", "工作细则", "工作方案", "考核办法", "操作规程", "实施细则", "工作指引",
            "三年行动计划", "工作要点", "管理规定", "责任分工方案", "服务指南", "应急预案"),
    "ASPECT": ("公开主体", "公开内容", "公开时限", "公开方式", "审核程序", "责任分工", "办理时限", "考核标准",
               "工作流程", "监督渠道", "保障措施", "发布权限"),
    "TRAIN": ("政务公开专题培训", "业务培训班", "《条例》专题学习", "集中学习", "线上培训", "案例研讨会",
              "工作推进会", "业务交流会", "岗位练兵活动", "知识测试"),
    "GROUP": ("各科室信息员", "机关干部", "基层工作人员", "窗口工作人员", "新入职人员", "网站编辑人员",
              "局属单位负责人", "业务骨干"),
    "PLACE": ("{NAME}{TOWN}", "{NAME}{TOWN}", "{NAME}"),
    "NAME": ("{TOPO}{TOPO}",),  # 两字地名: 青山, 南湖, 金桥
    "TOPO": tuple("东南西北中上下前后新老金银石山水河湖江海泉溪沟桥坪坝岭峰岗坡塘湾洲港口林松柏杨柳桃李梅竹花"
                  "青红白黄绿蓝长安宁平和兴隆昌盛丰华光明阳春秋星月龙凤鹤鹿马牛羊云霞雨雪田园庄台城关营堡寨"
                  "大小高双三五七九百千万永太福寿吉祥康乐德仁义文武英贤顺通达远清源泰鼎望凌鸿翠碧岩"
                  "岳衡嵩恒庐峨眉夷雁荡昆仑祁秦燕鲁楚吴越巴潇汾渭泾洛伊沂淮泗汝颍漳滏滦沱岷嘉陵酉溆沅澧湄潭遵赤"
                  "黎榕梧邕钦桐枞舒霍歙婺饶抚袁虔虞嵊暨剡鄞慈瓯栖霞莒郯邳睢砀亳涡阜濉璧蓟涿邯郸邢沧衢瑞晏旌"
                  "芜芦苇蒲荷菱藕莲蓼葛藤榆槐桑梓楠樟枫桂杉柘棠杏桔橘柑柿枣栗核榛蕉椰苏杭徐扬邗盱眙沭濮滑"),
    "TOWN": ("街道", "镇", "乡", "社区", "村", "片区", "园区", "路", "新区", "工业园", "大道", "小区", "湾", "坪", "岗",
             "铺", "集", "寨", "堡", "营", "屯", "沟", "洼", "渡", "口", "桥", "湖公园", "河段", "水库", "林场"),
    "PROJ": ("污水处理厂提标改造", "综合管廊建设", "安置房建设", "中学新建", "道路提升改造", "农贸市场改造",
             "公园建设", "养老服务中心建设", "卫生院迁建", "供水管网改造", "停车场建设", "体育公园建设",
             "河道综合治理", "标准厂房建设", "冷链物流中心建设", "幼儿园扩建", "文化中心建设", "雨污分流改造",
             "棚户区改造", "桥梁加固", "乡村振兴示范带建设", "智慧社区建设"),
    "SITE": ("便民服务站", "党群服务中心", "文化广场", "新时代文明实践站", "政务服务分中心", "综合服务中心"),
    "LEVEL": ("上级", "省政府办公厅", "市政务公开办", "市政府", "县委县政府", "上级主管部门", "国务院办公厅"),
    "CHECK": ("核查", "评估", "抽查", "复核", "清理", "梳理", "排查", "审核"),
    "LEAD": ("{LVERB}{DOMAIN}{LNOUN}", "{LVERB}{DOMAIN}{LNOUN}", "{LVERB}{DOMAIN}{LNOUN}", "{LVERB}{DOMAIN}、{DOMAIN}",
             "{TIME}", "{TIME}", "围绕{DOMAIN}、{DOMAIN}等{CONCERN}", "针对{ISSUE}的问题",
             "按照{LEVEL}关于{DOMAIN}{HEAD}公开的要求", "在{DOMAIN}方面", "依托{CHANNEL}", "{y}年{MONTH}月{DAY}日",
             "为做好{PLACE}{PROJ}项目信息公开", "在{PLACE}{SITE}", "{MONTH}月，在{PLACE}", "以{PLACE}为试点"),
    "LVERB": ("围绕", "聚焦", "针对", "结合", "按照", "对照", "立足", "紧扣", "紧盯", "依托", "着眼", "瞄准", "坚持",
              "突出", "锚定", "面向", "服务", "抓住", "紧跟", "回应"),
    "LNOUN": ("工作", "要求", "任务", "目标", "需求", "重点", "实际", "部署", "问题", "短板", "难点", "痛点", "堵点",
              "关切", "进展", "节点", "环节", "领域"),
    "DO": ("{ADV}{VERB}{OBJ}", "{VERB}{DOMAIN}{HEAD}", "{ADV}{VERB}{DOMAIN}{HEAD}公开", "{VERB}{PLACE}{PROJ}项目{HEAD}",
           "对{DOMAIN}{HEAD}进行{ADV}{CHECK}", "{VERB}{OBJ}和{OBJ}", "在{PLACE}{SITE}{VERB}{OBJ}",
           "会同{PLACE}{TOWNGOV}{VERB}{DOMAIN}{HEAD}", "{ADV}{CHECK}{DOMAIN}{HEAD}"),
    "TOWNGOV": ("街道办事处", "镇人民政府", "乡人民政府", "社区居委会", "村委会", "管委会"),
    "FACT": ("{FVERB}{DOMAIN}{HEAD}{N}{UNIT}", "{FVERB}{DOMAIN}{HEAD}{SMALL}{UNIT}", "{FVERB}{HEAD}{N}{UNIT}",
             "{FVERB}{THING}{WORK}{HEAD}{SMALL}{UNIT}", "同比{RISE}{PCT}%", "涉及资金{AMOUNT}万元",
             "覆盖{PLACE}等{SMALL}个{TOWNUNIT}", "{MONTH}月{DAY}日前{FDONE}", "惠及{AUDIENCE}{N}人次",
             "完成{PLACE}{PROJ}等{SMALL}个项目{HEAD}{FVERB}", "{ADV}{FVERB}{DOMAIN}{HEAD}", "{FVERB}{DOMAIN}{HEAD}",
             "{FVERB}{THING}{WORK}{HEAD}", "{DOMAIN}{HEAD}{FDONE}", "{ADV}{FVERB}{THING}{WORK}{HEAD}",
             "{FVERB}{DOMAIN}和{DOMAIN}{HEAD}", "{DOMAIN}{HEAD}{PSTATE}", "做到{DOMAIN}{HEAD}{FDONE}"),
    "FVERB": ("发布", "更新", "公开", "公示", "推送", "转载", "汇编", "解读", "答复", "核实", "归档", "整理", "上传",
              "报送", "审核", "印制", "张贴", "编印", "收集", "回应",
              "刊发", "播报", "摘编", "发放", "送达", "标注", "校核", "补录", "挂网", "链接", "转发", "置顶", "集纳",
              "汇总", "比对", "筛查", "备份", "登载", "推介", "宣讲"),
    "TOWNUNIT": ("乡镇", "街道", "村（社区）", "行政村", "园区", "网格"),
    "FDONE": ("全部完成", "完成公示", "办结归档", "上网公开", "整改到位", "报送上级"),
    "RISE": ("增长", "提高", "上升", "下降", "减少"),
    # numbers, as words: counts skewed to the small (as reports' are), percentages and amounts with decimals
    "N": tuple(str(int((k / 1000) ** 2 * 3000) + 1) for k in range(1000)),
    "SMALL": tuple(str(k) for k in range(1, 61)),
    "MONTH": tuple(str(k) for k in range(1, 13)),
    "DAY": tuple(str(k) for k in range(1, 29)),
    "PCT": tuple(f"{k / 100:.2f}" for k in range(10_000)),
    "AMOUNT": tuple(f"{k / 100:.{k % 3}f}" for k in range(1, 90_000, 7)),
    "UNIT": ("条", "篇", "次", "个", "项", "期", "份"),
}

# templates by (section, sub-heading): the first opens the part, once; the opening of （二）依申请公开 states ``{r}``
TEMPLATES: dict[tuple[str, str], tuple[str, ...]] = {
    ("overview", ""): (
        "{y}年，{a}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
        "围绕{DOMAIN}、{DOMAIN}等{CONCERN}，{ADV}{VERB}{OBJ}，{PURPOSE}。",
        "{TIME}，{ACTOR}{ADV}{VERB}{OBJ}，{VERB}{DOMAIN}{HEAD}{N}{UNIT}，{PURPOSE}。",
        "聚焦{DOMAIN}和{DOMAIN}，{ACTOR}把政务公开融入{DOMAIN}工作全过程，{PURPOSE}。",),
    ("overview", "（一）主动公开"): (
        "{TIME}，{ACTOR}通过{CHANNEL}主动公开政府信息{N}条，其中{DOMAIN}{HEAD}{N}条、{DOMAIN}{HEAD}{N}条，"
        "同比{RISE}{PCT}%。",
        "围绕{DOMAIN}、{DOMAIN}等{CONCERN}，{ADV}{VERB}{DOMAIN}{HEAD}，发布政策解读{N}篇，其中图解{SMALL}篇、"
        "音视频{SMALL}个，{PURPOSE}。",
        "在{DOMAIN}方面，{ADV}公开{HEAD}和{HEAD}{N}条，{VERB}{DOMAIN}{HEAD}{SMALL}{UNIT}，{PURPOSE}。",
        "依托{CHANNEL}和{CHANNEL}，{ADV}{VERB}{DOMAIN}等{HEAD}，累计浏览量达{AMOUNT}万人次。",
        "公开{DOMAIN}资金{AMOUNT}万元的分配和使用情况，惠及群众{N}人，{PURPOSE}。",),
    ("overview", "（二）依申请公开"): (
        "{y}年，共收到政府信息公开申请{r}件，均在法定期限内予以答复，{PURPOSE}。",
        "{ADV}{VERB}{OBJ}，完善登记、审核、办理、答复、归档等环节，平均办理时长{SMALL}个工作日。",
        "申请内容主要涉及{DOMAIN}、{DOMAIN}和{DOMAIN}等方面，{ACTOR}{ADV}会同{ACTOR}研究答复。",
        "将申请较为集中的{DOMAIN}{HEAD}转为主动公开，{PURPOSE}。",),
    ("overview", "（三）政府信息管理"): (
        "{ACTOR}{ADV}{VERB}{OBJ}，全年审核{DOMAIN}{HEAD}{N}条，{PURPOSE}。",
        "制定《{a}{DOMAIN}{DOC}》，明确{ASPECT}、{ASPECT}和{ASPECT}，{PURPOSE}。",
        "{TIME}，{ADV}{VERB}主动公开基本目录，新增{DOMAIN}等事项{SMALL}项，更新{HEAD}{N}条。",
        "对{y}年以前发布的{DOMAIN}{HEAD}开展评估，调整公开属性{SMALL}条，{PURPOSE}。",
        "印发《关于{ADV}{VERB}{DOMAIN}{HEAD}公开工作的{DOC}》，{VERB}{OBJ}，{PURPOSE}。",),
    ("overview", "（四）平台建设"): (
        "{ADV}优化{CHANNEL}栏目设置，新增{DOMAIN}等专题专栏{SMALL}个，全年访问量{AMOUNT}万人次。",
        "用好{CHANNEL}，全年推送{DOMAIN}{HEAD}{N}条，关注人数达{N}人，{PURPOSE}。",
        "加强{CHANNEL}与{CHANNEL}互动，办理网民留言{N}条，按期办结率{PCT}%。",
        "在{CHANNEL}设置查阅点{SMALL}个，为群众提供{DOMAIN}等查询、咨询服务{N}人次。",
        "{TIME}，{ACTOR}完成{CHANNEL}{VERB}改版，整合{DOMAIN}、{DOMAIN}栏目{SMALL}个，{PURPOSE}。",),
    ("overview", "（五）监督保障"): (
        "将{OBJ}纳入年度绩效考核，分值占比{PCT}%，{ACTOR}{ADV}{VERB}{OBJ}，{PURPOSE}。",
        "组织{GROUP}参加{TRAIN}{SMALL}次，培训{N}人次，{PURPOSE}。",
        "聘请社会监督员{SMALL}名，开展{DOMAIN}{HEAD}自查{SMALL}次，发现并整改问题{SMALL}个。",
        "{ACTOR}{SMALL}次听取政务公开工作汇报，研究解决{DOMAIN}{HEAD}公开中的困难和问题。",),
    ("problems", ""): (
        "{y}年，{ACTOR}在{DOMAIN}等方面仍存在一些不足：一是{ISSUE}；二是{ISSUE}；三是{ISSUE}。",
        "针对{p}年度报告中指出的{ISSUE}等问题，{ACTOR}逐项制定整改措施，{SMALL}项已整改到位。",
        "下一步，{ACTOR}将{ADV}{VERB}{OBJ}，{ADV}{VERB}{DOMAIN}{HEAD}，{PURPOSE}。",
        "{p}年发现的{ISSUE}问题，已通过{VERB}{OBJ}整改完成，{PURPOSE}。",),
    ("other", ""): (
        "本年度未收取信息处理费。",
        "全年办理人大代表建议{SMALL}条、政协委员提案{SMALL}条，涉及{DOMAIN}等方面，均已按时办结。",
        "落实{y}年政务公开工作要点，{ADV}{VERB}{DOMAIN}等{SMALL}项任务，全部按期完成。",
        "{y}年，{ACTOR}在{DOMAIN}{HEAD}公开方面的做法被{CHANNEL}刊载{SMALL}次。",),
}


# templates of any part, made of clauses (short literals: the words vary, not the sentences), drawn twice as often
GENERIC = ("{LEAD}，{ACTOR}{DO}，{FACT}，{PURPOSE}。", "{LEAD}，{DO}，{FACT}。",
           "{LEAD}，{ACTOR}{DO}，{DO}，{FACT}，{FACT}。", "{LEAD}，{DO}，{PURPOSE}。",
           "{ACTOR}{DO}，{FACT}，{FACT}。", "{LEAD}，{ACTOR}{DO}，{FACT}；{DO}，{FACT}。")
TEMPLATES = {key: (*templates, *GENERIC, *GENERIC) for key, templates in TEMPLATES.items()}


_SLOT = re.compile(r"\{(\w+)\}")


def _parts(text: str) -> tuple[str, ...]:
    """``text`` split at its slots: literal, slot, literal, slot, …, literal."""
    return tuple(_SLOT.split(text))


def _entry(word: str):
    """A word as ``_fill`` draws it: itself if it has no slot; all its expansions (a list: one draw instead of one
    per slot) if its slots are lists of plain words and they are few; else its compiled parts."""
    parts = _parts(word)
    if len(parts) == 1:
        return word
    slots = parts[1::2]
    if all(slot in WORDS and all("{" not in w for w in WORDS[slot]) for slot in slots) and \
            math.prod(len(WORDS[slot]) for slot in slots) <= 100_000:
        return ["".join(x) for x in itertools.product(*([part] if i % 2 == 0 else WORDS[part]
                                                       for i, part in enumerate(parts)))]
    return _Compiled(parts)


class _Compiled:
    """Parts ready to fill: the first literal, then ``(kind, what, size, literal)`` for each slot: ``PLAIN`` a list
    of plain words (one draw), ``MIXED`` a slot's entries (``_entry``), ``FIXED`` a key of ``fixed``."""

    __slots__ = ("head", "slots")

    def __init__(self, parts: tuple[str, ...]):
        self.head, self.slots = parts[0], tuple((*_kind(parts[i]), parts[i + 1]) for i in range(1, len(parts), 2))

    def link(self, parsed: dict) -> None:
        """Put each ``MIXED`` slot's entries in place of its name (once ``_PARSED`` holds them all)."""
        self.slots = tuple((kind, parsed[what], len(parsed[what]), literal) if kind == MIXED and isinstance(what, str)
                           else (kind, what, size, literal) for kind, what, size, literal in self.slots)


PLAIN, MIXED, FIXED = range(3)


def _kind(slot: str) -> tuple[int, object, int]:
    if slot not in WORDS:
        return FIXED, slot, 0
    if all("{" not in w for w in WORDS[slot]):
        return PLAIN, list(WORDS[slot]), len(WORDS[slot])
    return MIXED, slot, 0  # linked to its entries once all are compiled


def _compile(text: str) -> _Compiled:
    compiled = _Compiled(_parts(text))
    compiled.link(_PARSED)
    return compiled


_PARSED = {slot: tuple(map(_entry, words)) for slot, words in WORDS.items()}
for _entries in _PARSED.values():
    for _word in _entries:
        if isinstance(_word, _Compiled):
            _word.link(_PARSED)
_TEMPLATES = {text: _compile(text) for templates in TEMPLATES.values() for text in templates}


def expand(text: str, rng: random.Random, fixed: dict[str, str]) -> str:
    """``text`` with every slot filled: ``fixed`` values, numbers, or a word drawn from ``WORDS`` (expanded in
    turn)."""
    out: list[str] = []
    _fill(_TEMPLATES.get(text) or _compile(text), rng, fixed, out)
    return "".join(out)


def _fill(compiled: _Compiled, rng: random.Random, fixed: dict[str, str], out: list[str]) -> None:
    append, draw = out.append, rng.random
    if compiled.head:
        append(compiled.head)
    for kind, what, size, literal in compiled.slots:
        if kind == PLAIN:
            append(what[int(draw() * size)])
        elif kind == MIXED:
            word = what[int(draw() * size)]
            if type(word) is str:
                append(word)
            elif type(word) is list:
                append(word[int(draw() * len(word))])
            else:
                _fill(word, rng, fixed, out)
        else:
            append(fixed[what])
        if literal:
            append(literal)
