//! Accessibility scans with axe-core (from the UI's npm packages), injected into the window.

use serde_json::json;

use crate::webdriver::Session;

/// Fails the test if axe finds any serious or critical problem on the screen as it is now,
/// or if the window has to scroll sideways to show it (reflow: wide boards and tables scroll
/// inside the page, and nothing such as a screen's main button is pushed off to the right).
pub fn assert_accessible(session: &Session, screen: &str) {
    let widths = session
        .execute("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];", json!([]));
    assert!(
        widths[0].as_i64() <= widths[1].as_i64(),
        "the {screen} screen is wider than the window ({widths}): it would scroll sideways"
    );
    // WCAG 1.4.11 (non-text contrast), which axe-core does not check: every visible box,
    // list, radio and checkbox has a border of at least 3:1 against what is behind it.
    let weak = session.execute(
        "const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
         const behind = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; const m = c.match(/[\\d.]+/g); if (m && (m.length < 4 || Number(m[3]) > 0)) return c; } return 'rgb(255, 255, 255)'; };
         return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, [role=textbox]')]
           .filter((e) => e.offsetParent !== null && parseFloat(getComputedStyle(e).borderTopWidth) > 0)
           .map((e) => { const a = lum(getComputedStyle(e).borderTopColor), b = lum(behind(e.parentElement)); return [e.id || e.name || e.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
           .filter(([, ratio]) => ratio < 3).map(([name, ratio]) => `${name} (${ratio.toFixed(2)}:1)`);",
        json!([]),
    );
    assert_eq!(
        weak,
        json!([]),
        "on the {screen} screen these controls' borders are below 3:1 against their background"
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(path).expect("axe-core is installed in ui/node_modules (npm ci)");
    session.execute(&format!("{source}\n;return true;"), json!([]));
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)))
          .catch(e => done(['axe failed: ' + e]));";
    let found = session.execute_async(script, json!([]));
    let problems: Vec<String> = serde_json::from_value(found).expect("axe returns a list");
    session.screenshot(screen);
    assert!(problems.is_empty(), "accessibility problems on the {screen} screen:\n{}", problems.join("\n"));
}
