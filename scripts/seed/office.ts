/**
 * The generated county office: 30 customer managers (one area each, with their retailers), 3 supervisors,
 * and a five-year schedule of documents — daily work logs, monthly market analyses, monthly guidance booklets
 * for retailers and a few research reports a year — with each document's content and its review history
 * (submission, comments, grade, return and resubmission) decided by a generator seeded per document.
 */
import type { Profile } from '../../electron/core/common/schemas/profile';
import type { RichNode, SectionContent, TableRow } from '../../electron/core/common/schemas/report';
import type { Template } from '../../electron/core/common/schemas/template';
import {
  areas,
  bookletText,
  brands,
  managerNames,
  monthlyText,
  researchTopics,
  retailersOf,
  sectionRemarks,
  streets,
  supervisors,
  tiers,
  weekdays,
  workLogText,
  type Retailer,
  type TextContext,
} from './phrases';
import { Random } from './prng';

export const templateIds = {
  workLog: 'builtin-work-log',
  marketAnalysis: 'builtin-market-analysis',
  research: 'builtin-research',
  booklet: 'builtin-guidance-booklet',
} as const;

export interface Manager {
  profile: Profile;
  areaIndex: number;
  area: string;
  supervisor: Profile;
  retailers: Retailer[];
}

/** How a document's life went, decided by its age. */
export type Flow = 'draft' | 'submitted' | 'approved' | 'returned' | 'resubmitted';

export interface DocumentPlan {
  /** Stable key of the slot (template, manager, period, subject): seeds the document's generator. */
  key: string;
  templateId: string;
  manager: Manager;
  /** The day the document is written (YYYY-MM-DD). */
  day: string;
  /** The reporting period (YYYY-MM-DD for logs, YYYY-MM otherwise). */
  period: string;
  retailer?: Retailer;
  topic?: string;
  flow: Flow;
}

export interface Office {
  seed: string;
  /** Midday of the last day, the office's "now". */
  now: string;
  profiles: Profile[];
  managers: Manager[];
  supervisors: Profile[];
  plans: DocumentPlan[];
}

const dayMs = 86_400_000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Every working day (Monday to Friday) from `start` to `end` inclusive. */
function workingDays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${start}T00:00:00Z`); time <= Date.parse(`${end}T00:00:00Z`); time += dayMs) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(isoDay(time));
  }
  return days;
}

function months(start: string, end: string): string[] {
  const result: string[] = [];
  let [year, month] = start.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    result.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return result;
}

/** `count` items spread evenly over `items` (all of them when there are fewer). */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  const result: T[] = [];
  for (let index = 0; index < count; index++) result.push(items[Math.floor((index * items.length) / count)]);
  return result;
}

/** The share of each kind in an office's five years (logs dominate, then booklets). */
const mix = { workLog: 0.78, marketAnalysis: 0.036, research: 0.006 };

function flowFor(random: Random, ageDays: number): Flow {
  if (ageDays <= 1) return random.weighted([['draft', 4], ['submitted', 6]] as const);
  if (ageDays <= 6) return random.weighted([['submitted', 3], ['approved', 6], ['returned', 1]] as const);
  return random.weighted([['approved', 90], ['resubmitted', 6], ['returned', 1], ['submitted', 1], ['draft', 2]] as const);
}

/**
 * Plan an office of `count` documents over the five years before `end` (YYYY-MM-DD), deterministic for `seed`.
 * The same seed and count always give the same office.
 */
export function planOffice(options: { count: number; seed: string; end?: string }): Office {
  const end = options.end ?? '2026-11-20';
  const endTime = Date.parse(`${end}T00:00:00Z`);
  const start = isoDay(endTime - Math.round(5 * 365.25 * dayMs) + dayMs);
  const random = new Random(`${options.seed}/office`);
  const created = `${start}T01:00:00.000Z`;
  const supervisorProfiles: Profile[] = supervisors.map((person) => ({
    id: random.uuid(),
    name: person.name,
    role: 'supervisor',
    unit: person.unit,
    createdAt: created,
  }));
  const managers: Manager[] = managerNames.map((name, index) => ({
    profile: { id: random.uuid(), name, role: 'manager', unit: areas[index], createdAt: created },
    areaIndex: index,
    area: areas[index],
    supervisor: supervisorProfiles[index % supervisorProfiles.length],
    retailers: retailersOf(new Random(`${options.seed}/retailers/${index}`), index, 40),
  }));

  const days = workingDays(start, end);
  // Monthly documents are written in the first days of the following month.
  const allMonths = months(start.slice(0, 7), end.slice(0, 7)).slice(0, -1);
  const count = options.count;
  const logCount = Math.round(count * mix.workLog);
  const analysisCount = Math.min(Math.round(count * mix.marketAnalysis), allMonths.length * managers.length);
  const researchCount = Math.max(count > 50 ? 1 : 0, Math.round(count * mix.research));
  const bookletCount = Math.max(0, count - logCount - analysisCount - researchCount);

  const slots: Omit<DocumentPlan, 'flow'>[] = [];
  const logSlots = days.flatMap((day) => managers.map((manager) => ({ day, manager })));
  for (const { day, manager } of spread(logSlots, logCount)) {
    slots.push({ key: `log/${manager.areaIndex}/${day}`, templateId: templateIds.workLog, manager, day, period: day });
  }
  const writingDay = (month: string, offset: number) => {
    const [year, value] = month.split('-').map(Number);
    const next = value === 12 ? `${year + 1}-01` : `${year}-${String(value + 1).padStart(2, '0')}`;
    return `${next}-${String(2 + offset).padStart(2, '0')}`;
  };
  const monthSlots = allMonths.flatMap((month) => managers.map((manager) => ({ month, manager })));
  for (const { month, manager } of spread(monthSlots, analysisCount)) {
    slots.push({ key: `analysis/${manager.areaIndex}/${month}`, templateId: templateIds.marketAnalysis, manager, day: writingDay(month, manager.areaIndex % 3), period: month });
  }
  const researchSlots = allMonths
    .filter((month) => ['04', '10'].includes(month.slice(5)))
    .flatMap((month) => managers.map((manager) => ({ month, manager })));
  for (const [index, { month, manager }] of spread(researchSlots, researchCount).entries()) {
    slots.push({
      key: `research/${manager.areaIndex}/${month}`,
      templateId: templateIds.research,
      manager,
      day: writingDay(month, 5 + (manager.areaIndex % 10)),
      period: month,
      topic: researchTopics[(index + manager.areaIndex) % researchTopics.length],
    });
  }
  // Booklets: each manager guides some of their retailers every month, round-robin over the retailers.
  const perManagerMonth = Math.max(1, Math.ceil(bookletCount / Math.max(1, monthSlots.length)));
  const bookletSlots = monthSlots.flatMap(({ month, manager }, slotIndex) =>
    Array.from({ length: perManagerMonth }, (_, offset) => ({
      month,
      manager,
      retailer: manager.retailers[(Math.floor(slotIndex / managers.length) * perManagerMonth + offset) % manager.retailers.length],
      offset,
    })),
  );
  for (const { month, manager, retailer, offset } of spread(bookletSlots, bookletCount)) {
    slots.push({
      key: `booklet/${manager.areaIndex}/${month}/${retailer.license}`,
      templateId: templateIds.booklet,
      manager,
      day: writingDay(month, 3 + (offset % 20)),
      period: month,
      retailer,
    });
  }

  slots.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.key < b.key ? -1 : 1));
  const plans = slots.map((slot) => {
    const ageDays = Math.round((endTime - Date.parse(`${slot.day}T00:00:00Z`)) / dayMs);
    return { ...slot, flow: flowFor(new Random(`${options.seed}/flow/${slot.key}`), ageDays) };
  });
  return {
    seed: options.seed,
    now: `${end}T04:00:00.000Z`,
    profiles: [...supervisorProfiles, ...managers.map((manager) => manager.profile)],
    managers,
    supervisors: supervisorProfiles,
    plans,
  };
}

/** A paragraph node; `lead` is set in bold (e.g. （一）价格。). */
function paragraphNode(text: string, lead?: string): RichNode {
  const content: RichNode[] = [];
  if (lead) content.push({ type: 'text', text: lead, marks: [{ type: 'bold' }] });
  if (text) content.push({ type: 'text', text });
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function richText(paragraphs: string[]): SectionContent {
  return { type: 'richtext', doc: { type: 'doc', content: paragraphs.filter(Boolean).map((text) => paragraphNode(text)) } };
}

/** A numbered list of points, each with a bold lead sentence (how supervisors like problems and measures). */
function numberedList(points: string[]): SectionContent {
  const items = points.map((point) => {
    const split = point.indexOf('，');
    const lead = split > 4 && split < 30 ? point.slice(0, split + 1) : '';
    return { type: 'listItem', content: [paragraphNode(lead ? point.slice(split + 1) : point, lead || undefined)] };
  });
  return { type: 'richtext', doc: { type: 'doc', content: [{ type: 'orderedList', content: items }] } };
}

function table(random: Random, rows: Record<string, string | number | null>[]): SectionContent {
  return { type: 'table', rows: rows.map((cells): TableRow => ({ id: random.uuid(), cells })) };
}

function formatPeriodText(period: string): string {
  const [year, month, day] = period.split('-');
  return day ? `${year}年${Number(month)}月${Number(day)}日` : `${year}年${Number(month)}月`;
}

/** What a manager fills in: metadata and every section of the template. */
export interface Content {
  metadata: Record<string, string>;
  sections: Record<string, SectionContent>;
}

/** The document's content as its author finally saves it (before any review). */
export function contentFor(plan: DocumentPlan, template: Template, random: Random): Content {
  const { manager } = plan;
  const text: TextContext = { random, area: manager.area, period: formatPeriodText(plan.period), retailers: manager.retailers };
  switch (plan.templateId) {
    case templateIds.workLog:
      return workLogContent(plan, random, text);
    case templateIds.marketAnalysis:
      return analysisContent(plan, random, text);
    case templateIds.research:
      return researchContent(plan, random, text);
    case templateIds.booklet:
      return bookletContent(plan, random, text);
    default:
      throw new Error(`no content generator for template ${template.id}`);
  }
}

function workLogContent(plan: DocumentPlan, random: Random, text: TextContext): Content {
  const visited = random.sample(plan.manager.retailers, random.int(6, 9));
  const planned = visited.length + random.int(0, 2);
  const written = workLogText(text);
  let minute = 8 * 60 + 30;
  const visits = visited.map((retailer, index) => {
    minute += random.int(20, 35);
    const stock = random.weighted([['正常', 7], ['偏高', 1.5], ['偏低', 1], ['断货', 0.5]] as const);
    return {
      序号: index + 1,
      许可证号: retailer.license,
      客户名称: retailer.name,
      档位: retailer.tier,
      到店时间: `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      方式: random.chance(0.92) ? '实地' : '电话',
      库存: stock,
      价格: random.weighted([['明码标价', 8], ['未明码标价', 1], ['高于建议价', 0.5], ['低于建议价', 0.5]] as const),
      陈列: random.weighted([['规范', 6], ['一般', 3], ['较差', 1]] as const),
      宣传: random.chance(0.75) ? '到位' : '未到位',
      客户诉求: random.chance(0.4) ? '无' : `${random.pick(brands).name}${random.pick(['断货', '想加量', '库存偏多', '价格偏低', '顾客问得多'])}`,
      处理情况: random.chance(0.4) ? '—' : random.pick(['已登记需求，报营销部', '建议暂停订购，先消化库存', '现场指导调整陈列', '讲明价格规范要求', '当场补齐价签']),
    };
  });
  const information = random.sample(visited, random.int(2, 4)).map((retailer) => {
    const brand = random.pick(brands);
    return {
      许可证号: retailer.license,
      品规: brand.name,
      进货量: random.int(2, 20),
      销量: random.int(2, 20),
      库存: random.int(0, 12),
      缺货量: random.chance(0.7) ? 0 : random.int(1, 5),
      整条零售价: brand.retail - (random.chance(0.7) ? 0 : random.int(2, 8)),
    };
  });
  return {
    metadata: {
      报告期: plan.period,
      片区: plan.manager.area,
      线路: `${random.pick(weekdays)}线（${random.pick(streets)}—${random.pick(streets)}）`,
      客户经理: plan.manager.profile.name,
      计划拜访户数: String(planned),
      实际拜访户数: String(visited.length),
    },
    sections: {
      visits: table(random, visits),
      'market-info': table(random, information),
      analysis: richText(written.analysis),
      issues: richText(written.issues),
      plan: richText(written.plan),
    },
  };
}

function analysisContent(plan: DocumentPlan, random: Random, text: TextContext): Content {
  const value = (min: number, max: number, decimals = 1) => random.decimal(min, max, decimals);
  const indicator = (name: string, min: number, max: number) => {
    const current = value(min, max, 2);
    return { 指标: name, 本期: current, 上年同期: value(current * 0.85, current * 1.1, 2), 上期: value(current * 0.9, current * 1.1, 2) };
  };
  return {
    metadata: { 报告期: plan.period, 片区: plan.manager.area, 客户经理: plan.manager.profile.name },
    sections: {
      overview: richText(monthlyText('overview', text, 2, 150)),
      'key-indicators': table(random, [indicator('销量（箱）', 80, 260), indicator('销售额（万元）', 300, 1200), indicator('单条均价（元）', 120, 190), indicator('毛利（万元）', 70, 300)]),
      'sales-structure': richText(monthlyText('structure', text, 2)),
      'price-class': table(
        random,
        ['一类', '二类', '三类', '四类', '五类'].map((name, index) => {
          const sales = value(5, 80 / (index + 1));
          return { 价类: name, 销量: sales, 上年同期: value(sales * 0.8, sales * 1.2), 销售额: value(sales * 2, sales * 6, 2), 社会库存: value(sales * 0.3, sales * 0.8) };
        }),
      ),
      'price-volume-stock': richText(monthlyText('priceVolumeStock', text, 4, 230)),
      'key-brands': richText(monthlyText('brands', text, 2)),
      'key-brands-table': table(
        random,
        random.sample(brands, 3).map((brand) => ({
          品规: brand.name,
          批发价: brand.wholesale,
          建议零售价: brand.retail,
          实际零售价: brand.retail - random.int(0, 8),
          销量: value(2, 20),
          上年同期: value(2, 20),
          库存: value(1, 8),
          订货户数: random.int(40, 160),
          前三期订货户数: random.int(60, 180),
          断货率: random.chance(0.7) ? 0 : random.decimal(0.005, 0.1, 3),
        })),
      ),
      'retail-customers': richText(monthlyText('customers', text, 2)),
      'customer-tiers': table(
        random,
        tiers.map((tier) => {
          const households = random.int(5, 60);
          const ordering = random.int(Math.floor(households * 0.6), households);
          const quantity = ordering * random.int(60, 500);
          return { 档位: tier, 户数: households, 订货户数: ordering, 订购量: quantity, 订购金额: quantity * random.int(120, 210) };
        }),
      ),
      problems: numberedList(monthlyText('problems', text, 2, 130)),
      measures: numberedList(monthlyText('measures', text, 2, 130)),
    },
  };
}

function researchContent(plan: DocumentPlan, random: Random, text: TextContext): Content {
  const topic = plan.topic ?? researchTopics[0];
  const samples = random.int(30, 120);
  const categories = ['便利店', '食杂店', '超市', '烟酒店'];
  const counts = categories.map(() => random.int(5, 40));
  return {
    metadata: { 调研主题: `${plan.manager.area}${topic}`, 报告期: plan.period, 片区: plan.manager.area, 客户经理: plan.manager.profile.name },
    sections: {
      background: richText([`为了解${plan.manager.area}${topic}，为下一步的市场培育和客户服务提供依据，开展了本次调研。`, ...monthlyText('overview', text, 1)]),
      'scope-method': richText([`调研时间为${text.period}，范围覆盖片区${samples}户零售客户，采用实地走访、问卷和进销存数据核对相结合的方法。`]),
      sample: richText(monthlyText('customers', text, 2)),
      'sample-table': table(random, categories.map((name, index) => ({ 类别: name, 样本数: counts[index] }))),
      findings: richText([...monthlyText('structure', text, 2), ...monthlyText('priceVolumeStock', text, 3, 230)]),
      'findings-table': table(
        random,
        ['是否了解该品类', '是否愿意经营', '主要顾虑'].map((question) => ({ 问题: question, 选项: random.pick(['是', '否', '价格', '货源']), 户数: random.int(5, 60), 有效样本: samples })),
      ),
      issues: numberedList(monthlyText('problems', text, 3, 130)),
      suggestions: numberedList(monthlyText('measures', text, 3, 130)),
      appendix: richText([`1. 您的店铺是否经营${random.pick(brands).name}？ 2. 近三个月销量变化如何？ 3. 您希望公司提供哪些帮助？`]),
    },
  };
}

function bookletContent(plan: DocumentPlan, random: Random, text: TextContext): Content {
  const retailer = plan.retailer ?? plan.manager.retailers[0];
  const indicator = (name: string, min: number, max: number) => ({ 指标: name, 本月: random.int(min, max), 上月: random.int(min, max), 同档位均值: random.int(min, max) });
  return {
    metadata: {
      报告期: plan.period,
      许可证号: retailer.license,
      店名: retailer.name,
      档位: retailer.tier,
      业态: retailer.business,
      商圈: retailer.tradeArea,
      片区: plan.manager.area,
      客户经理: plan.manager.profile.name,
    },
    sections: {
      review: richText(bookletText('review', text, 2, 150)),
      'monthly-indicators': table(random, [
        indicator('订购量（条）', 60, 600),
        indicator('订购金额（元）', 8000, 90000),
        indicator('单条均价（元/条）', 110, 220),
        indicator('毛利估算（元）', 1500, 12000),
        indicator('订购品规数（个）', 25, 70),
      ]),
      'brand-structure': richText(bookletText('brands', text, 2)),
      'brand-details': table(
        random,
        random.sample(brands, random.int(3, 5)).map((brand) => {
          const opening = random.int(2, 15);
          const bought = random.int(5, 40);
          const sold = random.int(3, opening + bought);
          return { 品规: brand.name, 批发价: brand.wholesale, 零售价: brand.retail, 上月库存: opening, 购进: bought, 销售: sold, 库存: opening + bought - sold, 建议: random.pick(['保持', '少订', '多订', '调整陈列']) };
        }),
      ),
      pricing: richText(bookletText('pricing', text, 1)),
      diagnosis: richText(bookletText('diagnosis', text, 2, 130)),
      advice: richText(bookletText('advice', text, 2, 130)),
      'follow-up': richText(bookletText('followUp', text, 1)),
      'customer-feedback': {
        type: 'fields',
        values: random.chance(0.6) ? { 客户意见: random.pick(['同意', '按建议执行', sectionRemarks[0]]), 客户签字: retailer.name.slice(0, 2), 签字日期: plan.day } : {},
      },
    },
  };
}
