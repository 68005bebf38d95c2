/**
 * Phrase banks for the generated office: people, areas, retailers, cigarette brands and the sentences a
 * customer manager writes about them (sales, year-on-year change, stock-to-sales ratio, prices, display,
 * ordering). Sentences are composed from templates with numbers drawn per document, so every document reads
 * differently while the vocabulary stays that of a real county office.
 */
import type { Random } from './prng';

export const managerNames = [
  '张伟', '李娜', '王强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷',
  '徐峰', '孙丽', '马超', '朱琳', '胡斌', '林涛', '何芳', '高翔', '罗莉', '郑浩',
  '梁雪', '谢军', '宋佳', '唐亮', '许晴', '韩冰', '冯凯', '邓颖', '曹阳', '彭飞',
] as const;

export const areas = [
  '城关一片区', '城关二片区', '城关三片区', '城东片区', '城西片区', '城南片区', '城北片区', '开发区片区', '高铁新区片区', '老城片区',
  '河口镇片区', '双桥镇片区', '柳林镇片区', '白石镇片区', '青山镇片区', '黄湾乡片区', '三河镇片区', '新集镇片区', '杨店乡片区', '龙泉镇片区',
  '石门镇片区', '高桥镇片区', '桃园乡片区', '湖滨镇片区', '马店镇片区', '大桥镇片区', '古城镇片区', '东港乡片区', '西山乡片区', '南岗镇片区',
] as const;

export const supervisors = [
  { name: '陈主任', unit: '营销部' },
  { name: '周科长', unit: '市场经理部' },
  { name: '吴主任', unit: '客户服务部' },
] as const;

export const streets = ['人民路', '鼓楼街', '解放路', '建设路', '中山路', '新华街', '文化路', '长江路', '和平街', '府前路', '车站路', '滨河路', '东风路', '胜利街', '工农路'] as const;
export const weekdays = ['周一', '周二', '周三', '周四', '周五'] as const;

const shopPrefixes = ['惠民', '鼓楼', '福满多', '老王', '佳佳', '同心', '金穗', '平安', '好邻居', '向阳', '永和', '快客', '新华', '红旗', '幸福', '万家', '百姓', '兴隆', '顺发', '和平', '家家乐', '四季', '阳光', '利民', '友谊', '丰收', '吉祥', '富源', '聚福', '鑫源'] as const;
const shopSuffixes = ['便利店', '食杂店', '超市', '烟酒商行', '副食店', '烟酒店', '商店', '小卖部', '百货'] as const;
export const businessTypes = ['便利店', '食杂店', '超市', '商场', '烟酒店', '娱乐服务类', '其他'] as const;
export const tradeAreas = ['居民区', '商业区', '办公区', '学校周边', '交通枢纽', '城乡结合部', '农村集镇', '旅游景区', '其他'] as const;

/** Brand specifications with wholesale and suggested retail prices per carton (元/条). */
export const brands = [
  { name: '中华（硬）', wholesale: 393, retail: 450, priceClass: '一类' },
  { name: '黄山（新制皖烟）', wholesale: 141, retail: 160, priceClass: '一类' },
  { name: '黄山（红方印）', wholesale: 106, retail: 120, priceClass: '二类' },
  { name: '黄山（硬一品）', wholesale: 88, retail: 100, priceClass: '三类' },
  { name: '黄山（徽商新概念细支）', wholesale: 176, retail: 200, priceClass: '一类' },
  { name: '芙蓉王（硬）', wholesale: 220.5, retail: 250, priceClass: '一类' },
  { name: '利群（新版）', wholesale: 201.4, retail: 230, priceClass: '一类' },
  { name: '南京（炫赫门）', wholesale: 159, retail: 180, priceClass: '一类' },
  { name: '玉溪（软）', wholesale: 203, retail: 230, priceClass: '一类' },
  { name: '云烟（紫）', wholesale: 88, retail: 100, priceClass: '三类' },
  { name: '泰山（红将军）', wholesale: 106, retail: 120, priceClass: '二类' },
  { name: '双喜（硬经典）', wholesale: 79, retail: 90, priceClass: '三类' },
  { name: '贵烟（跨越）', wholesale: 176, retail: 200, priceClass: '一类' },
  { name: '娇子（宽窄好运）', wholesale: 106, retail: 120, priceClass: '二类' },
  { name: '七匹狼（锋芒）', wholesale: 123, retail: 140, priceClass: '二类' },
  { name: '红塔山（经典1956）', wholesale: 88, retail: 100, priceClass: '三类' },
  { name: '长白山（777）', wholesale: 150, retail: 170, priceClass: '一类' },
  { name: '钻石（荷花）', wholesale: 308, retail: 350, priceClass: '一类' },
  { name: '白沙（硬精品三代）', wholesale: 88, retail: 100, priceClass: '三类' },
  { name: '红金龙（硬神州腾龙）', wholesale: 62, retail: 70, priceClass: '四类' },
  { name: '大前门（短支）', wholesale: 53, retail: 60, priceClass: '四类' },
  { name: '红梅（软黄）', wholesale: 44, retail: 50, priceClass: '五类' },
] as const;

export type Brand = (typeof brands)[number];

export const tiers = ['26—30档', '21—25档', '16—20档', '11—15档', '6—10档', '1—5档'] as const;

/** A retailer on a manager's round. */
export interface Retailer {
  license: string;
  name: string;
  tier: string;
  business: string;
  tradeArea: string;
}

/** A manager's retailers: deterministic names and license numbers per area. */
export function retailersOf(random: Random, areaIndex: number, count: number): Retailer[] {
  const used = new Set<string>();
  const retailers: Retailer[] = [];
  for (let index = 0; retailers.length < count; index++) {
    let name = `${random.pick(shopPrefixes)}${random.pick(shopSuffixes)}`;
    if (used.has(name)) name = `${name}（${random.pick(streets)}店）`;
    if (used.has(name)) continue;
    used.add(name);
    retailers.push({
      license: `3411${String(22 + (areaIndex % 7)).padStart(2, '0')}${String(100000 + areaIndex * 1000 + index * 7).padStart(6, '0')}`,
      name,
      tier: `${random.int(1, 30)}档`,
      business: random.pick(businessTypes),
      tradeArea: random.pick(tradeAreas),
    });
  }
  return retailers;
}

const up = (random: Random) => random.pick(['增长', '上升', '提高']);
const down = (random: Random) => random.pick(['下降', '减少', '回落']);

/** "同比增长3.2%" or "同比下降1.5%". */
export function change(random: Random, label: string, span = 12): string {
  const value = random.decimal(0.2, span, 1);
  return `${label}${random.chance(0.6) ? up(random) : down(random)}${value}%`;
}

export function percent(random: Random, min: number, max: number): string {
  return `${random.decimal(min, max, 1)}%`;
}

export function ratio(random: Random, min = 0.3, max = 0.9): string {
  return random.decimal(min, max, 2).toFixed(2);
}

type Context = { area: string; shop: () => string; brand: () => string; random: Random; period: string };

/** Sentences about one day on the round (the 分析与思考 of a work log). */
const dailyAnalysis: ((context: Context) => string)[] = [
  ({ random, brand }) => `今天走访的${random.int(12, 18)}户中，${brand()}有${random.int(2, 5)}户断货，主要是上周订足量偏低，下周要提醒客户按实际销量订货。`,
  ({ random, brand }) => {
    const item = brand();
    return `${item}实际零售价${random.int(150, 240)}元/条，比建议零售价低${random.int(2, 10)}元，个别客户存在低价走量，需要继续跟踪价格。`;
  },
  ({ random, shop, brand }) => `${shop()}反映${brand()}近期动销加快，周销量由${random.int(3, 8)}条增加到${random.int(9, 16)}条，主要是周边工地和新小区的用烟需求增加。`,
  ({ random }) => `城乡结合部的食杂店订货普遍下降，今天有${random.int(2, 5)}户说资金周转紧张，建议推广小批量多批次订货，减轻客户压力。`,
  ({ random, brand }) => `细支烟在便利店动销明显好于食杂店，${brand()}在便利店的存销比只有${ratio(random, 0.2, 0.45)}，在食杂店达到${ratio(random, 0.6, 1.2)}。`,
  ({ random }) => `新版网上订货页面上线后，仍有${random.int(2, 6)}户不会独立操作，已现场演示，下次拜访时再检查一遍。`,
  ({ random }) => `价签不全的问题主要集中在${random.int(3, 9)}档以下的小店，今天现场补齐价签${random.int(3, 12)}个，明码标价率提高到${percent(random, 92, 99)}。`,
  ({ brand }) => `节前备货需求开始显现，${brand()}和${brand()}的咨询量明显增加，要提前摸清客户的备货计划。`,
  ({ random, shop }) => `${shop()}的卷烟柜台被饮料挤占，只摆放了${random.int(12, 25)}个品规，已建议调整陈列，把重点品规放到顾客视线高度。`,
  ({ random, brand }) => `${brand()}本周在片区的订货户数比上周少${random.int(3, 9)}户，走访发现是客户库存还有余量，不是需求下降，暂不调整投放。`,
  ({ random }) => `今天采集的${random.int(6, 12)}个品规中，实际零售价达到建议零售价95%以上的有${random.int(5, 11)}个，价格总体稳定。`,
  ({ random, shop }) => `${shop()}店主想增加高档烟的经营，但日均客流只有${random.int(60, 200)}人左右，建议先从一两个规格试起，看动销再定。`,
  ({ random, brand }) => `${brand()}的存销比已经连续${random.int(2, 4)}周高于0.8，片区库存偏高，下一周期建议减少投放${random.int(10, 30)}%。`,
  ({ random }) => `学校周边的${random.int(3, 6)}户客户都按规定没有向未成年人售烟，店内张贴了提示标识，这一点做得比较好。`,
  ({ random, brand }) => `与去年同期相比，${brand()}的周销量${random.chance(0.5) ? '增加' : '减少'}了${random.int(5, 25)}%，变化主要来自${random.pick(['婚宴用烟', '节日送礼', '外来务工人员', '周边工地', '旅游客流'])}。`,
];

/** Problems a manager asks the office to solve. */
const dailyIssues: ((context: Context) => string)[] = [
  ({ random, shop }) => `${shop()}扫码枪故障，已报信息中心，约${random.int(1, 28)}日上门维修。`,
  ({ random, shop }) => `${shop()}的许可证将于${random.int(1, 12)}月到期，已提醒店主按时办理延续手续。`,
  ({ brand }) => `客户反映${brand()}货源偏紧，希望营销部能适当增加投放。`,
  ({ shop }) => `${shop()}反映送货时间不固定，影响备货安排，请配送部协调固定到货时段。`,
  ({ random }) => `有${random.int(2, 4)}户客户申请调整档位，资料已收齐，请审核。`,
  () => '无',
];

/** Tomorrow's plan. */
const dailyPlans: ((context: Context) => string)[] = [
  ({ random, shop, brand }) => `明日走${random.pick(weekdays)}线（${random.pick(streets)}—${random.pick(streets)}），计划拜访${random.int(12, 18)}户，重点回访${shop()}落实陈列调整，采集${brand()}的动销数据。`,
  ({ random, shop }) => `明日计划拜访${random.int(12, 18)}户，重点是${shop()}和${shop()}的价格规范，顺便了解节前备货打算。`,
  ({ random, brand }) => `明天上午参加片区例会，下午拜访${random.int(8, 12)}户，重点了解${brand()}的断货原因。`,
];

/** Paragraphs of the monthly market analysis and of research reports. */
const monthlyParagraphs: Record<string, ((context: Context) => string)[]> = {
  overview: [
    ({ random, area, period }) =>
      `${period}，${area}累计销售卷烟${random.decimal(80, 260, 1)}箱，${change(random, '同比')}，${change(random, '环比', 8)}；实现销售额${random.decimal(300, 1200, 2)}万元，${change(random, '同比')}；单条均价${random.decimal(120, 190, 2)}元，同比${random.chance(0.7) ? '提高' : '降低'}${random.decimal(1, 9, 2)}元。`,
    ({ random }) =>
      `本月的主要特点是“${random.pick(['量稳价升、结构继续上移', '量价齐升', '量减价升、结构优化', '销量平稳、库存偏高'])}”：增长主要来自一类烟（${change(random, '同比', 15)}），单条均价和毛利的增幅高于销量增幅。`,
    ({ random }) => `1—${random.int(2, 12)}月累计完成年度计划的${percent(random, 60, 98)}，比序时进度${random.chance(0.6) ? '快' : '慢'}${random.decimal(0.2, 3, 1)}个百分点。`,
  ],
  structure: [
    ({ random }) =>
      `从价类结构看，一类烟销售${random.decimal(30, 120, 1)}箱，占比${percent(random, 35, 55)}，比去年同期提高${random.decimal(0.5, 5, 1)}个百分点；二类烟${random.decimal(20, 70, 1)}箱，占比${percent(random, 20, 35)}；三类及以下烟合计${random.decimal(10, 50, 1)}箱。`,
    ({ random, brand }) => `省产烟销售${random.decimal(20, 80, 1)}箱，占比${percent(random, 25, 40)}；重点品牌中，${brand()}${change(random, '同比', 20)}，是拉动一类烟增长的主力。`,
    ({ random, brand }) => `新品${brand()}本月在片区铺货${random.int(20, 60)}户，铺货率${percent(random, 10, 40)}，重购率${percent(random, 30, 60)}，年轻顾客多，便利店动销明显快于食杂店。`,
  ],
  priceVolumeStock: [
    ({ random, brand }) => `（一）价格。片区重点规格价格总体稳定，抽样的${random.int(6, 12)}个重点规格中有${random.int(4, 10)}个实际零售价达到建议零售价的98%以上；${brand()}价格松动，实际零售价只有建议零售价的${percent(random, 92, 97)}。`,
    ({ random }) => `（二）销量。本月订货户数${random.int(120, 260)}户，户均订购${random.decimal(150, 320, 1)}条；一类烟的增长来自高档位客户的自然动销，不是靠加大投放压上去的。`,
    ({ random, brand }) => `（三）库存。月末社会库存${random.decimal(30, 120, 1)}箱，存销比${ratio(random, 0.35, 0.7)}，处于合理区间；${brand()}存销比${ratio(random, 0.65, 1.1)}，是明显积压的重点规格。`,
    ({ random }) => `综合判断：片区市场${random.pick(['总体平稳、结构向好', '需求偏弱、库存偏高', '量价稳定、个别规格价格承压'])}，下月要${random.pick(['控投放、稳价格', '抓结构、促动销', '去库存、保价格'])}。`,
  ],
  brands: [
    ({ random, brand }) => `${brand()}动销率${percent(random, 70, 96)}，存销比${ratio(random, 0.3, 0.6)}，在16档以上客户中基本做到常销。`,
    ({ random, brand }) => `${brand()}有${random.int(2, 6)}户客户周末断货，问题出在订货节奏：每周一订一次、一次订足，周五以后就断档。`,
    ({ random, brand }) => `${brand()}销量${change(random, '同比', 15)}，库存偏高，主要是新开的连锁便利店以促销价走量，周边老客户被动跟价。`,
  ],
  customers: [
    ({ random }) => `片区共有零售客户${random.int(150, 320)}户，本月订货${random.int(120, 300)}户，订货率${percent(random, 80, 95)}，户均订购${random.decimal(150, 320, 1)}条。`,
    ({ random }) => `分档位看，21档以上客户订货率${percent(random, 90, 99)}，是结构提升的主力；1—5档客户订货率只有${percent(random, 55, 75)}，有${random.int(3, 9)}户连续两个月没有订货。`,
    ({ random }) => `分业态看，便利店单条均价${random.int(160, 200)}元，是单条均价最高的业态；食杂店订货率${percent(random, 75, 88)}，低于片区平均。`,
  ],
  problems: [
    ({ random, brand }) => `${brand()}价格松动、库存偏高，实际零售价只有建议零售价的${percent(random, 92, 97)}，存销比${ratio(random, 0.6, 1)}，投放没有随需求及时调整。`,
    ({ random }) => `部分客户订货节奏不合理，${random.int(2, 6)}户中高档位客户周末断货，没有按销售节奏分批订货。`,
    ({ random }) => `低档位客户经营萎缩，${random.int(3, 9)}户连续两个月未订货，但档位和客户状态没有及时调整，拉低了片区订货率。`,
    ({ random }) => `明码标价执行不到位，抽查的${random.int(20, 40)}户中有${random.int(3, 9)}户价签不全。`,
  ],
  measures: [
    ({ random, brand }) => `${brand()}：下月起对周边${random.int(8, 20)}户客户的投放量下调${random.int(10, 30)}%，目标是月底实际零售价恢复到建议零售价的97%以上，存销比降到0.5以下。`,
    ({ random }) => `订货节奏：第一周上门指导${random.int(3, 8)}户断货客户改为每周两次订货，订货前一天电话提醒。`,
    ({ random }) => `低档位客户：${random.int(5, 25)}日前完成未订货客户的逐户核实，停业的按程序办理，仍在经营的制定“一户一策”。`,
    ({ random }) => `价签：结合日常拜访逐户检查，${random.int(10, 28)}日前全部补齐，明码标价率达到100%。`,
  ],
};

/** Paragraphs of a retailer's guidance booklet. */
const bookletParagraphs: Record<string, ((context: Context) => string)[]> = {
  review: [
    ({ random }) => `本月订购卷烟${random.int(60, 600)}条，${change(random, '环比', 15)}；订购金额${random.int(8000, 90000)}元，单条均价${random.decimal(110, 220, 1)}元，在同档位客户中处于${random.pick(['中上', '中等', '中下'])}水平。`,
    ({ random, brand }) => `${brand()}和${brand()}卖得最好，合计占本店销量的${percent(random, 20, 45)}；毛利估算${random.int(1500, 12000)}元。`,
    ({ random }) => `本月订购品规${random.int(25, 70)}个，比上月${random.chance(0.5) ? '增加' : '减少'}${random.int(1, 6)}个，结构${random.pick(['有所改善', '基本稳定', '略有下移'])}。`,
  ],
  brands: [
    ({ random, brand }) => `${brand()}月销${random.int(10, 60)}条，库存${random.int(2, 15)}条，动销正常；${brand()}库存偏多，存销比${ratio(random, 0.7, 1.3)}，下月少订。`,
    ({ random }) => `新品试销${random.int(1, 3)}个规格，顾客反映${random.pick(['口感好、包装好看', '价格偏高', '认知度还不高'])}。`,
  ],
  pricing: [
    ({ random }) => `明码标价${random.chance(0.8) ? '规范' : `有${random.int(1, 4)}个价签缺失，已现场补齐`}；实际售价均在建议零售价的95%以上。`,
    () => '店内张贴了不向未成年人售烟标识，经营规范。',
  ],
  diagnosis: [
    ({ random, brand }) => `一是${brand()}进货偏多，库存周转慢，占压资金约${random.int(1000, 6000)}元；二是陈列位置不够突出，高档烟放在柜台下层，顾客看不到。`,
    ({ random }) => `订货集中在每周一，周末常有${random.int(1, 4)}个畅销规格断货，错失销售。`,
  ],
  advice: [
    ({ random, brand }) => `一是${brand()}下月订量控制在${random.int(5, 20)}条以内，先消化库存；二是改为每周两次订货，周四补订畅销规格。`,
    ({ random }) => `三是把${random.int(3, 6)}个高档规格调整到柜台上层中间位置，配合价签做好展示。`,
  ],
  followUp: [
    () => '上月建议的陈列调整已落实，高档烟动销有所加快；分批订货执行了三周，周末断货减少。',
    () => '上月建议的减少积压规格订量已执行，库存比上月下降；价签已全部补齐。',
  ],
};

/** Research topics (a few per manager per year). */
export const researchTopics = [
  '细支烟消费需求', '乡镇集镇零售客户明码标价执行情况', '城乡结合部零售客户经营状况', '新版网上订货使用情况', '高档卷烟节日消费',
  '中支烟市场培育', '零售终端陈列规范', '婚宴用烟消费习惯', '连锁便利店卷烟经营', '学校周边零售客户规范经营',
] as const;

/** `count` different paragraphs from the pool, and more (repeats, with new numbers) until `minimum` characters. */
function paragraphs(pool: ((context: Context) => string)[], context: Context, count: number, minimum = 0): string[] {
  const result = context.random.sample(pool, Math.min(count, pool.length)).map((sentence) => sentence(context));
  while (result.join('').length < minimum) result.push(context.random.pick(pool)(context));
  return result;
}

export interface TextContext {
  random: Random;
  area: string;
  period: string;
  retailers: Retailer[];
}

function contextOf(text: TextContext): Context {
  return {
    random: text.random,
    area: text.area,
    period: text.period,
    shop: () => text.random.pick(text.retailers).name,
    brand: () => text.random.pick(brands).name,
  };
}

/** The written parts of a work log: analysis (2–4 sentences in one or two paragraphs), issues, plan. */
export function workLogText(text: TextContext): { analysis: string[]; issues: string[]; plan: string[] } {
  const context = contextOf(text);
  const sentences = paragraphs(dailyAnalysis, context, text.random.int(3, 5), 130);
  const split = text.random.int(1, sentences.length - 1);
  return {
    analysis: [sentences.slice(0, split).join(''), sentences.slice(split).join('')],
    issues: [context.random.pick(dailyIssues)(context)],
    plan: [context.random.pick(dailyPlans)(context)],
  };
}

/** Paragraphs for a named part of a monthly analysis or research report: `count`, and at least `minimum` characters. */
export function monthlyText(part: keyof typeof monthlyParagraphs, text: TextContext, count: number, minimum = 0): string[] {
  return paragraphs(monthlyParagraphs[part], contextOf(text), count, minimum);
}

export function bookletText(part: keyof typeof bookletParagraphs, text: TextContext, count: number, minimum = 0): string[] {
  return paragraphs(bookletParagraphs[part], contextOf(text), count, minimum);
}

/** What a supervisor writes in a comment, by kind. */
export const commentTexts = {
  praise: ['分析有数据、有原因、有措施，值得大家学习。', '这段观察很细，抓住了问题的根子。', '数据核实得很扎实，结论可信。', '措施具体到户、到时间，可操作性强。'],
  problem: [
    '这段只是罗列现象，没有说明原因，也没有结合本片区的数据。请补充：变化的原因是什么？下一步怎么做？',
    '数据与表格对不上，请核实后修改。',
    '结论缺少依据，请补充走访核实的情况。',
    '与上月的内容基本重复，请写出本月的新情况。',
  ],
  suggestion: ['建议把断货客户逐户列出来，下次拜访逐一回访。', '建议与配送部沟通固定到货时段。', '可以对比同档位客户的数据，说服力更强。', '建议下月重点跟踪这个规格的价格。'],
  note: ['已转营销部处理。', '这个问题在例会上统一说明。', '请在下月报告中反馈落实情况。'],
} as const;

export const fixNotes = ['已按点评补充了原因分析和下一步措施。', '已核实数据并修改表格。', '已补充走访核实的情况。', '已改写为本月的新情况。'] as const;

export const returnReasons = ['分析部分套话较多，缺少数据支撑和原因分析，请按点评修改后重新提交。', '数据与表格不一致，请核实后重新提交。', '内容与上月重复较多，请补充本月的新情况。'] as const;

export const overallTexts = ['内容完整，分析到位。', '数据扎实，措施具体。', '总体较好，个别地方还可以再深入。', '按要求完成，继续保持。'] as const;

export const sectionRemarks = ['本月无特殊情况。', '已按要求落实。', '见附表。'] as const;
