//! Churn from a snapshot with a yes/no churn column (IBM's telco sample), computed by hand
//! for a small file and independently for the real dataset when it is present.

mod common;
use common::*;
use serde_json::json;

#[test]
fn telco_layout_by_hand() {
    // A 24 months, stays, 50; B 1, churns, 30; C 0 (new), stays, 20; D 12, churns, 70; E 6, stays, 10.
    let text = "customerID,gender,tenure,MonthlyCharges,TotalCharges,Churn\n\
                A,Female,24,50,1200,No\nB,Male,1,30,30,Yes\nC,Male,0,20, ,No\nD,Female,12,70,840,Yes\nE,Male,6,10,60,No\n";
    let r = analyze(&[("telco.csv", text.as_bytes())], options(None, None, None), 1 << 16);
    assert_eq!(r.files[0].kind.as_deref(), Some("subscriptions"));
    // at start A B D E = 4, churned B D → 2 / 4; kept at end A C E minus new C = 2 / 4
    assert_eq!(value(&r, "customers_at_start"), json!(4));
    assert!(close(&value(&r, "churn_rate"), 0.5));
    assert!(close(&value(&r, "retention_rate"), 0.5));
    assert_eq!(value(&r, "mrr"), json!("80"));
    assert_eq!(r.metrics["churn_rate"].detail["source"], json!("churn_flag"));
    // the snapshot is of the data's last month (a code the page words), kept at the end: A C E
    assert_eq!(r.metrics["mrr"].detail["period"], json!("last_month"));
    assert_eq!(r.metrics["mrr"].detail["customers"], json!(3));
    // no date anywhere: judged as of nothing, even with today given
    assert_eq!(r.period.as_of, None);
    let r = analyze(
        &[("telco.csv", text.as_bytes())],
        sales_metrics::RawOptions { today: Some("2026-12-07".into()), ..Default::default() },
        1 << 16,
    );
    assert_eq!(r.period.as_of, None);
    assert_eq!(r.problems.total, 0, "{:?}", r.problems.items);
}

#[test]
fn real_telco_dataset() {
    let Some(bytes) = shared_dataset("telco-churn/Telco-Customer-Churn.csv") else { return };
    // Independent count: split each line on commas (the file quotes nothing).
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap_or(usize::MAX);
    let (tenure, charges, churn) = (col("tenure"), col("MonthlyCharges"), col("Churn"));
    let (mut at_start, mut churned, mut new, mut at_end, mut cents) = (0u64, 0u64, 0u64, 0u64, 0i64);
    for line in lines.filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split(',').collect();
        let left = cells[churn] == "Yes";
        if cells[tenure] == "0" {
            new += 1;
        } else {
            at_start += 1;
            churned += u64::from(left);
        }
        if !left {
            at_end += 1;
            let (whole, frac) = cells[charges].split_once('.').unwrap_or((cells[charges], "0"));
            cents += whole.parse::<i64>().unwrap_or(0) * 100 + format!("{frac:0<2}").parse::<i64>().unwrap_or(0);
        }
    }
    assert_eq!((at_start, churned, new), (7032, 1869, 11));
    let r = analyze(&[("Telco-Customer-Churn.csv", &bytes)], options(None, None, None), 1 << 16);
    assert!(close(&value(&r, "churn_rate"), churned as f64 / at_start as f64));
    assert!(close(&value(&r, "retention_rate"), (at_end - new) as f64 / at_start as f64));
    let mrr: f64 = value(&r, "mrr").as_str().unwrap_or("0").parse().unwrap_or(0.0);
    assert!((mrr - cents as f64 / 100.0).abs() < 0.005, "{mrr} vs {}", cents as f64 / 100.0);
    assert_eq!(r.problems.total, 0, "{:?}", &r.problems.items[..r.problems.items.len().min(3)]);
}
