//! Accessibility scans with axe-core (from the UI's npm packages), injected into the window.

use serde_json::json;

use crate::webdriver::Session;

/// Fails the test if axe finds any serious or critical problem on the screen as it is now.
pub fn assert_accessible(session: &Session, screen: &str) {
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
