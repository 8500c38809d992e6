import { describe, expect, it } from 'vitest';
import registerData from './data/jilin-units.json';
import { defaultRegister } from './units';

const resolveUnit = (text: string) => defaultRegister.resolve(text);

describe('resolveUnit', () => {
  it('resolves every name, full name and alias of the register to its own unit', () => {
    for (const unit of registerData.units) {
      for (const name of [unit.name, unit.fullName, ...unit.aliases]) {
        const r = resolveUnit(name);
        expect(r.ok && r.unit.id, name).toBe(unit.id);
      }
    }
    expect(defaultRegister.units).toHaveLength(50);
  });

  it.each([
    ['  农安县 ', '农安县'],
    ['\u3000农安县\u3000', '农安县'],
    ['长春市(市区)', '长春市'],
    ['长春市（市区）', '长春市'],
    ['长春市九台区', '九台区'],
    ['前郭尔罗斯蒙古族自治县', '前郭县'],
    ['通化市', '通化市'],
    ['通化县', '通化县'],
    ['白山市', '白山市'],
    ['长白县', '长白县'],
    ['长白山管委会', '长白山管委会'],
    ['吉林市', '吉林市'],
    ['吉林省农安县', '农安县'],
    ['四平市梨树县', '梨树县'],
    ['通化市通化县', '通化县'],
    ['农安县住建局', '农安县'],
    ['延边州延吉市', '延吉市'],
  ])('%s → %s', (text, name) => {
    const r = resolveUnit(text);
    expect(r.ok && r.unit.name).toBe(name);
  });

  it.each(['吉林省', '吉林', '通化', '白山', '长白', '长白山', '', '某某县'])('does not guess %s', (text) => {
    expect(resolveUnit(text).ok).toBe(false);
  });

  it('suggests the closest real names for an unknown name', () => {
    const r = resolveUnit('农安');
    expect(r.ok).toBe(true);
    const miss = resolveUnit('农按县');
    expect(miss.ok).toBe(false);
    if (!miss.ok) expect(miss.suggestions[0]).toBe('农安县');
  });

  it('groups 省直管 units and 长白山管委会 apart from the prefectures', () => {
    const groups = defaultRegister.groups();
    const direct = groups.find((g) => g.name === '省直管');
    expect(direct?.units.map((u) => u.name).sort()).toEqual(['公主岭市', '梅河口市', '长白山管委会'].sort());
    expect(groups.reduce((n, g) => n + g.units.length, 0)).toBe(50);
  });
});
