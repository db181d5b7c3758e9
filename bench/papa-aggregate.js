// The contender: PapaParse 5.7 streaming a File, and plain JavaScript aggregation of the
// benchmark's metrics (won/lost counts, win rate, exact won revenue in cents, mean sales
// cycle, per-owner won/lost/revenue, open pipeline per stage, lost reasons).
// Loaded as a classic script after papaparse.min.js; defines window.papaAggregate.
window.papaAggregate = function papaAggregate(file) {
  return new Promise((resolve, reject) => {
    let won = 0, lost = 0, revenueCents = 0, cycleDays = 0, cycles = 0;
    const owners = new Map(), stages = new Map(), reasons = new Map();
    const cents = (s) => {
      const [whole, frac = ''] = s.split('.');
      return Number(whole) * 100 + Number((frac + '00').slice(0, 2)) * (s.startsWith('-') ? -1 : 1);
    };
    const DAY = 86400000;
    window.Papa.parse(file, {
      header: true,
      skipEmptyLines: true,
      chunkSize: 1 << 20,
      chunk(results) {
        for (const r of results.data) {
          const amount = r.amount ? cents(r.amount) : 0;
          const o = owners.get(r.owner) ?? { won: 0, lost: 0, revenueCents: 0 };
          owners.set(r.owner, o);
          if (r.status === 'won') {
            won++; o.won++; revenueCents += amount; o.revenueCents += amount;
            const days = (Date.parse(r.closed_date) - Date.parse(r.created_date)) / DAY;
            if (days >= 0) { cycleDays += days; cycles++; }
          } else if (r.status === 'lost') {
            lost++; o.lost++;
            const key = r.lost_reason || '(none given)';
            reasons.set(key, (reasons.get(key) ?? 0) + 1);
          } else {
            const s = stages.get(r.stage) ?? { deals: 0, cents: 0 };
            s.deals++; s.cents += amount;
            stages.set(r.stage, s);
          }
        }
      },
      complete() {
        resolve({
          won, lost, winRate: won / (won + lost), revenueCents, meanCycle: cycleDays / cycles,
          owners: owners.size, stages: stages.size, reasons: reasons.size,
        });
      },
      error: reject,
    });
  });
};
