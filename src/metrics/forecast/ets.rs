//! Exponential smoothing (Holt-Winters in error-correction form, additive errors):
//! level, optional additive or damped trend, optional additive or multiplicative
//! seasonality. Parameters are fitted by minimising the one-step squared error (a grid,
//! then coordinate refinement); the model is chosen by AICc; prediction intervals come
//! from simulated future paths (seeded, so reports are reproducible).
//!
//! No crate fitted: `augurs-ets` (the maintained Rust ETS) fits non-seasonal models only,
//! and sales are seasonal. References: Hyndman & Athanasopoulos, *Forecasting: Principles
//! and Practice* (3rd ed.), ch. 8; Hyndman et al. (2008), *Forecasting with Exponential
//! Smoothing*, tables 2.1 and 6.x (the recursions below).

/// A model's trend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// No trend.
    None,
    /// A straight-line trend.
    Additive,
    /// A trend that fades (by `phi` a step).
    Damped,
}

/// A model's seasonality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// No season.
    None,
    /// A season added to the level.
    Additive,
    /// A season that scales the level.
    Multiplicative,
}

/// A model form: trend, seasonality and season length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The trend.
    pub trend: Trend,
    /// The seasonality.
    pub season: Season,
    /// Season length in steps (12 for months).
    pub m: usize,
}

impl Spec {
    /// ETS notation: `A,Ad,M` (error, trend, season).
    pub fn code(&self) -> String {
        let t = match self.trend {
            Trend::None => "N",
            Trend::Additive => "A",
            Trend::Damped => "Ad",
        };
        let s = match self.season {
            Season::None => "N",
            Season::Additive => "A",
            Season::Multiplicative => "M",
        };
        format!("A,{t},{s}")
    }

    /// A plain name: "Holt-Winters (multiplicative seasonality, damped trend)".
    pub fn name(&self) -> String {
        let trend = match self.trend {
            Trend::None => "no trend",
            Trend::Additive => "linear trend",
            Trend::Damped => "damped trend",
        };
        match (self.season, self.trend) {
            (Season::Additive, _) => format!("Holt-Winters (additive seasonality, {trend})"),
            (Season::Multiplicative, _) => format!("Holt-Winters (multiplicative seasonality, {trend})"),
            (Season::None, Trend::None) => "simple exponential smoothing".to_string(),
            (Season::None, _) => format!("Holt ({trend}, no seasonality)"),
        }
    }

    fn seasonal(&self) -> bool {
        self.season != Season::None
    }
}

/// Smoothing parameters: `beta` and `gamma` as in the error-correction form (β ≤ α,
/// γ ≤ 1 − α), `phi` the damping (1 for an undamped trend).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Level smoothing.
    pub alpha: f64,
    /// Trend smoothing.
    pub beta: f64,
    /// Season smoothing.
    pub gamma: f64,
    /// Trend damping.
    pub phi: f64,
}

/// The state after the last observation.
#[derive(Clone, Debug, PartialEq)]
struct State {
    level: f64,
    trend: f64,
    /// Seasonal indices by `t % m`.
    seasons: Vec<f64>,
    t: usize,
}

/// A fitted model.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The model form.
    pub spec: Spec,
    /// Its fitted parameters.
    pub params: Params,
    /// Residual standard deviation of one-step errors.
    pub sigma: f64,
    /// Corrected Akaike information criterion (lower is better).
    pub aicc: f64,
    state: State,
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

fn initial(spec: Spec, y: &[f64]) -> State {
    if spec.seasonal() {
        let m = spec.m;
        let first = mean(&y[..m]);
        let second = mean(&y[m..2 * m]);
        let trend = if spec.trend == Trend::None { 0.0 } else { (second - first) / m as f64 };
        let seasons = (0..m)
            .map(|i| match spec.season {
                Season::Multiplicative => y[i] / first,
                _ => y[i] - first,
            })
            .collect();
        // the level "before t = 0": the first season's mean is its middle
        let level = first - trend * (m as f64 - 1.0) / 2.0 - trend;
        State { level, trend, seasons, t: 0 }
    } else {
        let trend = if spec.trend == Trend::None || y.len() < 2 { 0.0 } else { y[1] - y[0] };
        State { level: y[0] - trend, trend, seasons: vec![0.0], t: 0 }
    }
}

impl State {
    fn season(&self, spec: Spec) -> f64 {
        match spec.season {
            Season::None => 0.0,
            _ => self.seasons[self.t % spec.m],
        }
    }

    /// The one-step forecast.
    fn forecast(&self, spec: Spec, p: Params) -> f64 {
        let base = self.level + p.phi * self.trend;
        match spec.season {
            Season::Multiplicative => base * self.season(spec),
            _ => base + self.season(spec),
        }
    }

    /// Updates with the error `e` of the step's forecast.
    fn update(&mut self, spec: Spec, p: Params, e: f64) {
        let base = self.level + p.phi * self.trend;
        let s = self.season(spec);
        let (level, trend, season) = match spec.season {
            Season::Multiplicative => {
                let s = if s.abs() < 1e-9 { 1e-9 } else { s };
                let b = if base.abs() < 1e-9 { 1e-9 } else { base };
                (base + p.alpha * e / s, p.phi * self.trend + p.beta * e / s, s + p.gamma * e / b)
            }
            _ => (base + p.alpha * e, p.phi * self.trend + p.beta * e, s + p.gamma * e),
        };
        self.level = level;
        self.trend = if spec.trend == Trend::None { 0.0 } else { trend };
        if spec.seasonal() {
            let i = self.t % spec.m;
            self.seasons[i] = season;
        }
        self.t += 1;
    }
}

/// Runs the model over `y`: the final state and the squared errors from `from` on.
fn run(spec: Spec, p: Params, y: &[f64], from: usize) -> (State, f64) {
    let mut s = initial(spec, y);
    let mut sse = 0.0;
    for (t, &obs) in y.iter().enumerate() {
        let e = obs - s.forecast(spec, p);
        if t >= from {
            sse += e * e;
        }
        s.update(spec, p, e);
    }
    (s, if sse.is_finite() { sse } else { f64::INFINITY })
}

/// Parameters from unit-interval coordinates `u` (β = u₁α, γ = u₂(1 − α)).
fn params(spec: Spec, u: [f64; 4]) -> Params {
    let alpha = 0.01 + 0.98 * u[0];
    Params {
        alpha,
        beta: if spec.trend == Trend::None { 0.0 } else { u[1] * alpha },
        gamma: if spec.seasonal() { u[2] * (1.0 - alpha) } else { 0.0 },
        phi: match spec.trend {
            Trend::Damped => 0.8 + 0.18 * u[3],
            _ => 1.0,
        },
    }
}

/// Fits `spec` to `y`, scoring errors from index `from` (the same for every candidate).
pub fn fit(spec: Spec, y: &[f64], from: usize) -> Option<Fit> {
    if y.len() < 3 || spec.seasonal() && (spec.m < 2 || y.len() < 2 * spec.m) {
        return None;
    }
    if spec.season == Season::Multiplicative && y.iter().any(|v| *v <= 0.0) {
        return None;
    }
    let free = [true, spec.trend != Trend::None, spec.seasonal(), spec.trend == Trend::Damped];
    let cost = |u: [f64; 4]| run(spec, params(spec, u), y, from).1;
    // coarse grid
    let grid = |on: bool| if on { vec![0.05, 0.2, 0.4, 0.6, 0.8, 0.95] } else { vec![0.5] };
    let mut best = ([0.5; 4], f64::INFINITY);
    for &a in &grid(free[0]) {
        for &b in &grid(free[1]) {
            for &g in &grid(free[2]) {
                for &f in &grid(free[3]) {
                    let u = [a, b, g, f];
                    let c = cost(u);
                    if c < best.1 {
                        best = (u, c);
                    }
                }
            }
        }
    }
    // coordinate refinement with shrinking steps
    let mut step = 0.1;
    while step > 0.002 {
        let mut improved = true;
        while improved {
            improved = false;
            for (k, _) in free.iter().enumerate().filter(|(_, on)| **on) {
                for dir in [-1.0, 1.0] {
                    let mut u = best.0;
                    u[k] = (u[k] + dir * step).clamp(0.0, 1.0);
                    let c = cost(u);
                    if c < best.1 - 1e-12 {
                        best = (u, c);
                        improved = true;
                    }
                }
            }
        }
        step /= 2.0;
    }
    let p = params(spec, best.0);
    let (state, sse) = run(spec, p, y, from);
    let n = (y.len() - from) as f64;
    // the initial states come from the first season (or the first points), which are not
    // scored: only the smoothing parameters and σ were fitted to the scored errors
    let k = free.iter().filter(|f| **f).count() as f64 + 1.0;
    let sigma = (sse / (n - (k - 1.0)).max(1.0)).sqrt();
    let aic = n * (sse / n).max(1e-300).ln() + 2.0 * k;
    let aicc = if n - k - 1.0 > 0.0 { aic + 2.0 * k * (k + 1.0) / (n - k - 1.0) } else { f64::INFINITY };
    Some(Fit { spec, params: p, sigma, aicc, state })
}

impl Fit {
    /// Point forecasts for the next `h` steps.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        let mut s = self.state.clone();
        (0..h)
            .map(|_| {
                let f = s.forecast(self.spec, self.params);
                s.update(self.spec, self.params, 0.0);
                f
            })
            .collect()
    }

    /// Quantiles `qs` of each of the next `h` steps, from `paths` simulated futures with
    /// normal errors of the fitted σ.
    pub fn quantiles(&self, h: usize, qs: &[f64], paths: usize) -> Vec<Vec<f64>> {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut draws = vec![Vec::with_capacity(paths); h];
        for _ in 0..paths {
            let mut s = self.state.clone();
            for step in draws.iter_mut() {
                let e = self.sigma * rng.normal();
                let y = s.forecast(self.spec, self.params) + e;
                step.push(y);
                s.update(self.spec, self.params, e);
            }
        }
        draws
            .into_iter()
            .map(|mut d| {
                d.sort_by(f64::total_cmp);
                qs.iter().map(|q| d[((q * (d.len() - 1) as f64).round() as usize).min(d.len() - 1)]).collect()
            })
            .collect()
    }
}

/// A small deterministic generator (xorshift64*) with Box-Muller normals.
pub struct Rng(pub u64);

impl Rng {
    /// A uniform number in (0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        ((x >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal number.
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.next_f64(), self.next_f64());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// The candidate forms for `n` observations with season length `m`, and why the set is
/// what it is.
pub fn candidates(n: usize, m: usize, positive: bool) -> (Vec<Spec>, &'static str) {
    let spec = |trend, season| Spec { trend, season, m };
    if n < 6 {
        return (vec![spec(Trend::None, Season::None)], "short history (under 6 buckets): level only");
    }
    let mut specs = Vec::new();
    let seasonal = m > 1 && n >= 2 * m;
    for trend in [Trend::None, Trend::Additive, Trend::Damped] {
        specs.push(spec(trend, Season::None));
        if seasonal {
            specs.push(spec(trend, Season::Additive));
            if positive {
                specs.push(spec(trend, Season::Multiplicative));
            }
        }
    }
    let why = if seasonal {
        "chosen by AICc among trend (none, linear, damped) × seasonality (none, additive, multiplicative)"
    } else {
        "history shorter than two seasons: seasonality not fitted; trend chosen by AICc"
    };
    (specs, why)
}

/// The best candidate by AICc.
pub fn select(y: &[f64], m: usize) -> Option<(Fit, &'static str)> {
    let positive = y.iter().all(|v| *v > 0.0);
    let (specs, why) = candidates(y.len(), m, positive);
    let from = if specs.iter().any(Spec::seasonal) { m } else { 1.min(y.len() - 1) };
    let fits = specs.into_iter().filter_map(|s| fit(s, y, from));
    let best = fits.min_by(|a, b| a.aicc.total_cmp(&b.aicc))?;
    Some((best, why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recursion_by_hand() {
        // simple exponential smoothing, α = 0.5 (u₀ = 0.5), level starts at y₀ = 10:
        // t0: forecast 10, e 0 → 10; t1: forecast 10, e 2 → 11; t2: forecast 11, e −3 → 9.5
        let spec = Spec { trend: Trend::None, season: Season::None, m: 1 };
        let p = Params { alpha: 0.5, beta: 0.0, gamma: 0.0, phi: 1.0 };
        let (s, sse) = run(spec, p, &[10.0, 12.0, 8.0], 0);
        assert!((s.level - 9.5).abs() < 1e-12);
        assert!((sse - (0.0 + 4.0 + 9.0)).abs() < 1e-12);
        // Holt, α = 0.5, β = 0.25, trend starts at y₁ − y₀ = 3, level y₀ − 3 = 7:
        // t0: forecast 10, e 0 → l 10, b 3; t1: forecast 13, e 0 → l 13, b 3;
        // t2: forecast 16, e −2 → l 16 − 1 = 15, b 3 − 0.5 = 2.5
        let spec = Spec { trend: Trend::Additive, season: Season::None, m: 1 };
        let p = Params { alpha: 0.5, beta: 0.25, gamma: 0.0, phi: 1.0 };
        let (s, _) = run(spec, p, &[10.0, 13.0, 14.0], 0);
        assert!((s.level - 15.0).abs() < 1e-12 && (s.trend - 2.5).abs() < 1e-12, "{s:?}");
    }
}
