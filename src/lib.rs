//! Zanger: a legal-help wizard for civil society in Kazakhstan.
//!
//! This crate is the pure core shared by the browser widget and the command line:
//! the compiled [`catalog`] (topics, sources, calendar, UI strings), the guard
//! [`expr`]essions, the working-day [`calendar`], and the [`session`] engine that turns
//! answers and a "today" into the next question or an [`outcome`]. None of it does IO,
//! reads a clock or knows about the DOM.
//!
//! With the `compiler` feature (native only), [`rules`] reads `rules/*.toml`, checks
//! every path of every topic and compiles the catalog that the widget embeds.

pub mod calendar;
pub mod catalog;
pub mod day;
pub mod expr;
pub mod format;
pub mod outcome;
pub mod session;
pub mod text;
pub mod wire;

#[cfg(feature = "compiler")]
pub mod rules;

pub use catalog::Catalog;
pub use chrono::{self, NaiveDate};
pub use session::{Screen, Session};
pub use text::{Lang, Text};
