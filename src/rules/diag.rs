//! Diagnostics that point into a rules file: `file:line:col`, the line, carets, one sentence.

use std::fmt;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path of the rules file, as given to the compiler.
    pub file: String,
    /// Byte range in that file.
    pub span: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_string(), span, message: message.into() }
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.span.start)
    }

    /// Renders the diagnostic the way rustc and ripgrep do, reprinting the offending line.
    pub fn render(&self, source: &str) -> String {
        let start = char_floor(source, self.span.start);
        let (line, col) = line_col(source, start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let text = &source[line_start..line_end];
        let end = char_floor(source, self.span.end.clamp(start, line_end));
        let width = source[start..end].chars().count().max(1);
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        format!(
            "error: {msg}\n{pad}--> {file}:{line}:{col}\n{pad} |\n{line} | {text}\n{pad} | {spaces}{carets}\n",
            msg = self.message,
            file = self.file,
            spaces = " ".repeat(col - 1),
            carets = "^".repeat(width),
        )
    }
}

/// The offset, moved back to the start of its character (spans computed inside a string
/// with escapes could land mid-character), and within the source.
fn char_floor(source: &str, offset: usize) -> usize {
    let mut at = offset.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = char_floor(source, offset);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_col_snippet_and_carets() {
        let src = "id = \"x\"\nwhen = \"citizen and nope\"\n";
        let start = src.find("nope").unwrap();
        let d = Diagnostic::new("rules/topics/x.toml", start..start + 4, "unknown name `nope`");
        assert_eq!(
            d.render(src),
            "error: unknown name `nope`\n --> rules/topics/x.toml:2:21\n  |\n2 | when = \"citizen and nope\"\n  |                     ^^^^\n"
        );
    }
}
