import { catalogCoverage, hitRate, leaveLastOut, ndcg, rankAmong, rankOf, reciprocalRank, topK } from '../../src/recommend';

describe('ranking metrics', () => {
  it('scores a target ranked first, third and out of the top k', () => {
    const scores = [0.9, 0.5, 0.7, 0.1, 0.3];
    expect(rankOf(scores, 0)).toEqual({ greater: 0, ties: 0 });
    expect(hitRate({ greater: 0, ties: 0 }, 10)).toBe(1);
    expect(ndcg({ greater: 0, ties: 0 }, 10)).toBe(1);
    expect(reciprocalRank({ greater: 0, ties: 0 })).toBe(1);

    const third = rankOf(scores, 1);
    expect(third).toEqual({ greater: 2, ties: 0 });
    expect(ndcg(third, 10)).toBeCloseTo(1 / Math.log2(4), 12);
    expect(reciprocalRank(third)).toBeCloseTo(1 / 3, 12);
    expect(hitRate(third, 2)).toBe(0);
    expect(ndcg(third, 2)).toBe(0);
  });

  it('averages over tied positions (random tie-breaking)', () => {
    // Target ties with 3 others, 1 item above: positions 1..4 equally likely.
    const counts = rankOf([5, 2, 2, 2, 2], 1);
    expect(counts).toEqual({ greater: 1, ties: 3 });
    expect(hitRate(counts, 3)).toBeCloseTo(2 / 4, 12);
    expect(ndcg(counts, 3)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(4)) / 4, 12);
    expect(reciprocalRank(counts)).toBeCloseTo((1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 4, 12);
    // A constant scorer gets exactly chance level: HR@10 over 100 items = 10/100.
    expect(hitRate(rankOf(new Array(100).fill(0), 42), 10)).toBeCloseTo(0.1, 12);
  });

  it('ranks only candidates and sampled negatives', () => {
    const scores = [0.1, 0.9, 0.8, 0.5];
    expect(rankOf(scores, 3, (i) => i !== 1)).toEqual({ greater: 1, ties: 0 });
    expect(rankAmong(scores, 3, [0, 2])).toEqual({ greater: 1, ties: 0 });
  });

  it('computes coverage and top-k selection', () => {
    expect(catalogCoverage([[0, 1], [1, 2]], 10)).toBeCloseTo(0.3, 12);
    expect(catalogCoverage([], 0)).toBe(0);
    expect(topK([0.2, 0.9, 0.5, 0.9, 0.1], 3)).toEqual([1, 3, 2]);
    expect(topK([0.2, 0.9, 0.5, 0.9, 0.1], 2, (i) => i !== 1)).toEqual([3, 2]);
    expect(topK([1, 2], 5)).toEqual([1, 0]);
  });

  it('selects the same top k as a full sort', () => {
    let state = 12345;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 50; trial++) {
      // Coarse values so there are many ties.
      const scores = Array.from({ length: 200 }, () => Math.round(next() * 30));
      const k = 1 + Math.floor(next() * 40);
      const sorted = scores.map((s, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
      expect(topK(scores, k)).toEqual(sorted.slice(0, k));
    }
  });
});

describe('leave-last-out split', () => {
  it('holds out the item each shopper reached last, with all its events', () => {
    const log = [
      { user: 'a', item: 'x', at: 1 },
      { user: 'a', item: 'y', at: 2 },
      { user: 'a', item: 'z', at: 3 },
      { user: 'a', item: 'z', kind: 'purchase' as const, at: 4 },
      { user: 'a', item: 'x', at: 5 },
      { user: 'b', item: 'x', at: 1 },
      { user: 'b', item: 'y', at: 2 },
    ];
    const split = leaveLastOut(log, 3);
    expect([...split.heldOut]).toEqual([['a', 'z']]);
    expect(split.train.filter((e) => e.user === 'a').map((e) => e.item)).toEqual(['x', 'y', 'x']);
    expect(split.train.filter((e) => e.user === 'b')).toHaveLength(2);
  });

  it('breaks equal times by input order', () => {
    const log = ['p', 'q', 'r'].map((item) => ({ user: 'u', item, at: 10 }));
    expect(leaveLastOut(log, 3).heldOut.get('u')).toBe('r');
  });
});
