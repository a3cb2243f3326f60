//! Names shared by the test crates: a command's Rust argument or name as the window writes it.

/// `suggested_name` as `suggestedName` (how Tauri names arguments and TypeScript wrappers).
pub fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
