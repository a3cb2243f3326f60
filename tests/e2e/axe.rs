//! Accessibility scans with axe-core (from the UI's npm packages), injected into the window.

use serde_json::json;

use crate::webdriver::Session;

/// Fails the test if axe finds any serious or critical problem on the screen as it is now,
/// or if the window has to scroll sideways to show it (reflow: wide boards and tables scroll
/// inside the page, and nothing such as a screen's main button is pushed off to the right).
pub fn assert_accessible(session: &Session, screen: &str) {
    let widths = session.execute("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];", json!([]));
    assert!(widths[0].as_i64() <= widths[1].as_i64(), "the {screen} screen is wider than the window ({widths}): it would scroll sideways");
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
