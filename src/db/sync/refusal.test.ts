import { describe, expect, it } from 'vitest';
import { describeRefusal, fieldName } from './refusal';

describe('the server refusal in words', () => {
  it.each([
    ['anju:role:target', '本账号的角色不能上传年度目标'],
    ['anju:role:setting', '本账号的角色不能上传全省设置'],
    ['anju:negative:start.started', '表1 累计开工为负数'],
    ['anju:fraction:expropriation.plan', '表3 年度征收计划不是整数'],
    ['anju:missing:publicRental.raised', '缺少表5 累计筹集'],
    ['anju:negative:loan.need', '表2 本年需贷款为负数'],
    ['anju:negative:startPlan', '年度目标 棚改开工计划为负数'],
    ['anju:unit:999999', '单位“999999”不在全省单位名单中'],
    ['anju:period:2018-13', '报告期“2018-13”无效'],
    ['anju:immutable:rev:1', '已保存的月报版本和已签发的通报不能修改'],
    ['anju:id:rev:x', '记录格式有误：rev:x'],
    ['disk full', 'disk full'],
    ['', '服务器未说明原因'],
  ])('%j → %s', (reason, text) => {
    expect(describeRefusal(reason)).toBe(text);
  });

  it('names a bank line field by its table and column', () => {
    expect(fieldName('loan.banks.0.credit')).toMatch(/^表2 /);
  });
});
