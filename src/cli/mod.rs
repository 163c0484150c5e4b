//! The command line: every view of the app as plain, pipe-friendly text, built on the same core.
//! Exit status: 0 ok, 1 problems found, 2 usage (bad arguments, unknown ids).

mod progress;
mod text;
mod tooling;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::core::ascii::{FoldWriter, fold};
use crate::core::export::{Format, SheetFormat};
use crate::core::filter::{Criterion, ProviderFilter};
use crate::core::sanitize::{sanitize, sanitize_line};
use crate::core::sort::SortBy;
use crate::io::loader::{
    Content, Library, LoadOptions, load_guides_and_checklist, load_with_progress,
};
use crate::io::progress::{Progress, loading_line, megabytes};
pub use crate::io::session::Context;
use crate::io::{paths, print_diagnostic};

#[derive(Debug, Parser)]
#[command(
    name = "kapguide",
    version,
    about = "A terminal guide to Ketamine-Assisted Psychotherapy: guides, a provider safety checklist and honest comparisons.",
    long_about = "A terminal guide to Ketamine-Assisted Psychotherapy (KAP): guides in plain language, the safety checklist a careful client asks every provider, and an honest side-by-side comparison of provider profiles.\n\nWith no command it opens the interactive app. Educational, not medical advice."
)]
pub struct Cli {
    /// Also load provider profiles from DIR (repeatable; later directories win on equal ids).
    #[arg(long = "providers", value_name = "DIR", global = true)]
    pub provider_dirs: Vec<PathBuf>,
    /// Leave out the bundled provider profiles (load only yours and --providers).
    #[arg(long, global = true)]
    pub no_bundled: bool,
    /// Read guides (and checklist.toml, if DIR has one) from DIR instead of the bundled copy.
    #[arg(long = "guides", value_name = "DIR", global = true)]
    pub guides_dir: Option<PathBuf>,
    /// Override a category's priority for this run: CATEGORY=N, N from 0 (not important) to 3
    /// (essential). Repeatable.
    #[arg(long = "priority", value_name = "CATEGORY=N", global = true)]
    pub priorities: Vec<String>,
    /// Plain ASCII symbols (Y/P/N/?/-) instead of ✓ ~ ✗ ? –.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Interactive app: enable mouse wheel and clicks (this disables the terminal's own text
    /// selection while the app runs; hold Shift to select).
    #[arg(long)]
    pub mouse: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guides (id, then title).
    Guides,
    /// Print one guide as wrapped text, with its sources and reviewed date.
    Guide {
        id: String,
        /// Wrap at N columns (default: the terminal width, at most 100, or 80 when piped).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Print the checklist, grouped by category, with why each question matters.
    Checklist,
    /// List the providers, best first (filters: see "Filters" in the README).
    #[command(after_help = FILTERS_NOTE)]
    Providers {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, value_name = "ORDER", default_value = "score", help = SORT_HELP)]
        sort: SortBy,
    },
    /// Compare providers side by side: questions as rows, providers as columns.
    #[command(after_help = FILTERS_NOTE)]
    Compare {
        /// Provider ids (see `kapguide providers`).
        ids: Vec<String>,
        /// Compare every provider (also the default when a filter is given without ids).
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, value_name = "ORDER", default_value = "score", help = SORT_HELP)]
        sort: SortBy,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Fit the table to N columns (default: the terminal width, or 100 when piped).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
        width: Option<u16>,
    },
    /// Explain a provider's score: what each category and question contributed.
    Explain { id: String },
    /// A consultation question sheet: what is still unknown or partial for one provider.
    Questions {
        id: String,
        #[arg(long, value_enum, default_value = "markdown")]
        format: SheetFormat,
    },
    /// Fuzzy search across guides, checklist questions and providers.
    Search {
        /// What to look for.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
    /// Check guide, checklist and provider files; print every problem as path:line:col.
    Validate {
        /// Files or directories (default: everything kapguide loads).
        paths: Vec<PathBuf>,
        /// text: path:line:col lines; json: an array of objects (path, line, column,
        /// severity, message, hint); github: workflow annotations for GitHub Actions.
        #[arg(long, value_enum, default_value = "text")]
        format: ValidateFormat,
        /// Warnings fail too (exit 1), for a repository's CI.
        #[arg(long)]
        strict: bool,
    },
    /// Print a shell completion script (see README: "Shell completions and man page").
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) generated from these definitions.
    Man,
    /// Print the JSON Schema of provider files, with the question ids of the checklist in use
    /// (--guides DIR for your own), for editors and a profile repository's CI.
    Schema,
    /// The options side by side: KAP, an infusion course, esketamine, at-home ketamine, or not
    /// now / something else, with sources on every cell.
    Options {
        #[arg(long, value_enum, default_value = "table")]
        format: OptionsFormat,
        /// Fit the table to N columns (default: the terminal width, or 100 when piped).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
        width: Option<u16>,
    },
    /// What matters to you: your answers to a few statements (0 not for me … 3 very much) and
    /// the priorities they set. With --set, answers are saved (and the priorities with them).
    Values {
        /// Answer a statement: ID=N with N from 0 to 3, or ID=skip to clear it (repeatable).
        #[arg(long = "set", value_name = "ID=N")]
        set: Vec<String>,
    },
    /// A printable consultation packet for one provider: recorded answers, the score range as a
    /// bar, flags, open questions with space to write, the options, your values, the readiness
    /// check and crisis lines. One self-contained HTML file (or Markdown).
    Packet {
        id: String,
        /// Write to FILE (never over an existing file, unless --force) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With --out: replace FILE if it exists.
        #[arg(long, requires = "out")]
        force: bool,
        #[arg(long, value_enum, default_value = "html")]
        format: PacketFormat,
    },
    /// Print a commented template for a new provider file.
    NewProvider {
        /// The new provider's id: the file name without .toml (lowercase, digits, dashes).
        id: String,
    },
}

impl Command {
    /// The files this command reads: only what it shows, so it starts at once.
    fn content(&self) -> Content {
        let (guides, providers, options) = match self {
            Command::Search { .. } => (true, true, false),
            // Named paths are checked against the checklist alone.
            Command::Validate { paths, .. } if !paths.is_empty() => (false, false, false),
            Command::Validate { .. } => (true, true, true),
            Command::Guides | Command::Guide { .. } => (true, false, false),
            Command::Packet { .. } => (false, true, true),
            Command::Providers { .. }
            | Command::Compare { .. }
            | Command::Explain { .. }
            | Command::Questions { .. }
            | Command::NewProvider { .. } => (false, true, false),
            Command::Options { .. } => (false, false, true),
            Command::Checklist
            | Command::Values { .. }
            | Command::Schema
            | Command::Completions { .. }
            | Command::Man => (false, false, false),
        };
        Content {
            guides,
            providers,
            options,
        }
    }
}

const FILTERS_NOTE: &str = "Filters: a profile that does not say (no languages listed, telehealth unknown…) never passes; the output names the ones left out.";

/// The provider filters `providers` and `compare` share. Combined, a provider must pass them
/// all; a profile that does not say (telehealth unknown, no languages listed) does not pass.
#[derive(Clone, Debug, Default, clap::Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only providers in this region, country or city (MT, US, Kalispell); US-CA tells
    /// California from Canada.
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// Only providers offering this route.
    #[arg(long, value_name = "ROUTE", value_parser = words(Criterion::Route), ignore_case = true)]
    pub route: Option<String>,
    /// Only providers of this kind.
    #[arg(long, value_name = "KIND", value_parser = words(Criterion::Kind), ignore_case = true)]
    pub kind: Option<String>,
    /// Only providers whose care is this much by video or phone.
    #[arg(long, value_name = "LEVEL", value_parser = words(Criterion::Telehealth), ignore_case = true)]
    pub telehealth: Option<String>,
    /// Only providers that deal with insurance this way.
    #[arg(long, value_name = "HOW", value_parser = words(Criterion::Insurance), ignore_case = true)]
    pub insurance: Option<String>,
    /// Only providers offering care in this language (English, Spanish…; case is ignored).
    #[arg(long, value_name = "LANGUAGE")]
    pub language: Option<String>,
    /// Only providers whose estimated course could cost N or less (the low end of the range);
    /// those whose high end is above N are marked. N is in one currency: write it with the
    /// amount (3000USD, "4000 CAD"); a bare N takes the one currency the providers price in,
    /// and is refused when they use several. Providers pricing in another currency are left
    /// out, never compared; those that state no course cost are left out as not saying.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub max_course_cost: Option<String>,
}

fn words(criterion: Criterion) -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(criterion.words().unwrap_or_default())
}

impl FilterArgs {
    /// The core filter; `Err` is a usage message.
    pub fn filter(&self) -> Result<ProviderFilter, String> {
        let mut filter = ProviderFilter::default();
        let given = [
            (Criterion::Region, &self.region),
            (Criterion::Route, &self.route),
            (Criterion::Kind, &self.kind),
            (Criterion::Telehealth, &self.telehealth),
            (Criterion::Insurance, &self.insurance),
            (Criterion::Language, &self.language),
            (Criterion::MaxCourseCost, &self.max_course_cost),
        ];
        for (criterion, value) in given {
            if let Some(value) = value {
                // In the panel a blank row is "no filter"; typed here it is a mistake.
                if value.trim().is_empty() {
                    return Err(format!(
                        "kapguide: {}: give a value, or leave the option out\n",
                        criterion.option()
                    ));
                }
                filter
                    .set(criterion, value)
                    .map_err(|e| format!("kapguide: {e}\n"))?;
            }
        }
        Ok(filter)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
    Github,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PacketFormat {
    Html,
    Markdown,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum OptionsFormat {
    Table,
    Markdown,
    Json,
}

/// clap reads the model's format enums by their names, so each list is declared once, in core
/// (which stays free of clap).
macro_rules! value_enum {
    ($($format:ty),+) => {$(
        impl clap::ValueEnum for $format {
            fn value_variants<'a>() -> &'a [Self] {
                &<$format>::ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.name()))
            }
        }
    )+};
}

value_enum!(Format, SheetFormat);

/// What `--sort` says in `--help`.
const SORT_HELP: &str = "The order, as `s` sorts Compare in the app: score (the ranking: safety flags last, then what is known for sure, then coverage; the default), name, known (the share of the weight answered, most first; also `coverage`), course-cost (the estimated course, cheapest first, grouped by currency; unknown costs last)";

impl clap::ValueEnum for SortBy {
    fn value_variants<'a>() -> &'a [Self] {
        &SortBy::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let value = clap::builder::PossibleValue::new(self.name());
        Some(match self {
            SortBy::Coverage => value.alias("coverage"),
            _ => value,
        })
    }
}

/// Says on stderr that some files were skipped or have warnings, and the exact command that
/// shows why (with the same directories, or plain `validate` would not look at them).
fn report_skipped(cli: &Cli, library: &Library) {
    let skipped = library.skipped;
    let errors = library.error_count();
    let warnings = library.problems.len() - errors;
    if skipped == 0 && errors == 0 && warnings == 0 {
        return;
    }
    let mut command = String::from("kapguide");
    if let Some(dir) = &cli.guides_dir {
        command.push_str(&format!(" --guides {}", dir.display()));
    }
    for dir in &cli.provider_dirs {
        command.push_str(&format!(" --providers {}", dir.display()));
    }
    if cli.no_bundled {
        command.push_str(" --no-bundled");
    }
    print_diagnostic(&format!(
        "kapguide: {skipped} file(s) skipped, {errors} error(s), {warnings} warning(s); run `{command} validate` to see them.\n",
        command = sanitize_line(&command)
    ));
}

/// `--guides DIR` or `--providers DIR` naming something that is not a directory is a usage
/// error, not an empty result (`validate` reports it among its findings instead).
fn check_dirs(cli: &Cli) -> Result<(), String> {
    let dirs = cli
        .guides_dir
        .iter()
        .map(|d| ("--guides", d))
        .chain(cli.provider_dirs.iter().map(|d| ("--providers", d)));
    for (option, dir) in dirs {
        let problem = match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => "is not a directory".to_string(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => "does not exist".to_string(),
            Err(e) => format!("cannot be read: {e}"),
        };
        return Err(format!(
            "kapguide: {option} {}: the directory {problem}\n",
            dir.display()
        ));
    }
    Ok(())
}

/// Loads everything the command line asks for; `Err` is a usage message (a bad `--priority`).
fn load_context(cli: &Cli) -> Result<Context, String> {
    // `validate` reports a bad directory as a problem of its own, with the rest of its findings.
    if !matches!(cli.command, Some(Command::Validate { .. })) {
        check_dirs(cli)?;
    }
    let options = LoadOptions {
        guides_dir: cli.guides_dir.clone(),
        user_providers_dir: paths::user_providers_dir(),
        provider_dirs: cli.provider_dirs.clone(),
        bundled_providers: !cli.no_bundled,
        content: cli.command.as_ref().map_or(Content::ALL, Command::content),
        ..LoadOptions::default()
    };
    let loading = Progress::default();
    let library = if cli.command.is_none() {
        // The interactive app loads the providers itself, in the background.
        load_guides_and_checklist(&options)
    } else {
        let line = || {
            let (done, total) = loading.counts();
            loading_line(done, total)
        };
        progress::while_running(progress::wanted(), line, || {
            load_with_progress(&options, &loading)
        })
    };
    let context = Context::with_library(
        library,
        options,
        paths::config_file().as_deref(),
        &cli.priorities,
        cli.ascii,
    )
    .map_err(|e| format!("kapguide: --priority: {e}\n"))?;
    for problem in &context.config_problems {
        print_diagnostic(&format!(
            "{problem}\n  (using the default priorities for anything not read)\n"
        ));
    }
    Ok(context)
}

/// What a command produced: text for stdout, text for stderr, and the exit status.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

impl Outcome {
    pub fn ok(stdout: String) -> Self {
        Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    /// `stdout` after output already written to the terminal or pipe, which may have failed.
    /// A closed pipe (`kapguide compare --all | head`) is not an error: the reader had what
    /// it wanted. Any other write error (a full disk, `/dev/full`) is: the output is
    /// incomplete, so it is said, and the exit status is 1.
    pub fn written(stdout: String, written: io::Result<()>) -> Self {
        match written {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Outcome {
                stdout,
                stderr: format!("kapguide: cannot write the output: {e}\n"),
                code: 1,
            },
            _ => Outcome::ok(stdout),
        }
    }

    /// Nothing on stdout, a note on stderr, success: finding nothing is an answer.
    pub fn note(stderr: String) -> Self {
        Outcome {
            stdout: String::new(),
            stderr,
            code: 0,
        }
    }

    pub fn usage(stderr: String) -> Self {
        Outcome {
            stdout: String::new(),
            stderr,
            code: 2,
        }
    }
}

/// The clap command with its crisis-lines footer, built from the bundled `guides/crisis.toml`
/// (the same data as every other surface), for parsing, `--help`, completions and the man page.
pub fn command() -> clap::Command {
    let crisis = crate::io::loader::bundled_crisis();
    Cli::command().after_help(format!(
        "Educational, not medical advice. {}",
        crisis.help_sentence()
    ))
}

pub fn main() -> ExitCode {
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        // clap's messages quote the arguments given, so they are sanitized like everything else.
        Err(e) => {
            let text = e.render().to_string();
            let code = u8::try_from(e.exit_code()).unwrap_or(2);
            return finish(
                if e.use_stderr() {
                    Outcome {
                        stdout: String::new(),
                        stderr: text,
                        code,
                    }
                } else {
                    Outcome::ok(text)
                },
                &mut io::stdout(),
            );
        }
    };
    let context = match load_context(&cli) {
        Ok(context) => context,
        Err(usage) => return finish(Outcome::usage(usage), &mut io::stdout()),
    };
    let Some(command) = &cli.command else {
        report_skipped(&cli, &context.library);
        let options = crate::tui::TuiOptions {
            mouse: cli.mouse,
            ascii: cli.ascii,
        };
        return crate::tui::run(context, options);
    };
    if !matches!(command, Command::Validate { .. }) {
        report_skipped(&cli, &context.library);
    }
    let mut buffered = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut folded;
    let stdout: &mut dyn Write = if cli.ascii {
        folded = FoldWriter::new(&mut buffered);
        &mut folded
    } else {
        &mut buffered
    };
    // A long comparison written to a file or pipe says how far it has got, on a terminal.
    let written = Progress::default();
    let line = || format!("writing {}", megabytes(written.counts().0));
    let show = progress::wanted() && !io::stdout().is_terminal();
    let mut outcome = progress::while_running(show, line, || {
        run(command, &context, &mut written.counting(stdout))
    });
    if cli.ascii {
        outcome.stderr = fold(&outcome.stderr).into_owned();
    }
    finish(outcome, stdout)
}

/// Runs `command`. Most commands return their text; those whose output grows with the number
/// of providers write it to `stdout` as they go.
pub fn run(command: &Command, context: &Context, stdout: &mut dyn Write) -> Outcome {
    let lib = &context.library;
    match command {
        Command::Guides => text::guides(lib),
        Command::Guide { id, width } => {
            text::guide(lib, id, width.map_or_else(default_width, usize::from))
        }
        Command::Checklist => text::checklist(lib),
        Command::Providers { filter, sort } => match filter.filter() {
            Ok(filter) => text::providers(context, &filter, *sort),
            Err(usage) => Outcome::usage(usage),
        },
        Command::Compare {
            ids,
            all,
            filter,
            sort,
            format,
            width,
        } => match filter.filter() {
            Ok(filter) => text::compare(
                context,
                text::Selection {
                    ids,
                    all: *all,
                    filter: &filter,
                    sort: *sort,
                },
                *format,
                table_width(*width),
                stdout,
            ),
            Err(usage) => Outcome::usage(usage),
        },
        Command::Options { format, width } => text::options(lib, *format, table_width(*width)),
        Command::Explain { id } => text::explain(context, id),
        Command::Questions { id, format } => text::questions(context, id, *format),
        Command::Search { query } => text::search(lib, &query.join(" ")),
        Command::Validate {
            paths,
            format,
            strict,
        } => tooling::validate(context, paths, *format, *strict),
        Command::Completions { shell } => tooling::completions(*shell),
        Command::Man => tooling::man_page(),
        Command::Schema => tooling::schema(context),
        Command::NewProvider { id } => text::new_provider(lib, id, context.today),
        Command::Values { set } => text::values(context, set),
        Command::Packet {
            id,
            out,
            force,
            format,
        } => text::packet(context, id, out.as_deref(), *force, *format),
    }
}

/// The terminal's width, if output goes to a terminal.
fn terminal_width() -> Option<usize> {
    io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w))
}

/// A table may use the whole terminal; piped, it gets 100 columns.
fn table_width(asked: Option<u16>) -> usize {
    asked.map_or_else(|| terminal_width().map_or(100, |w| w.max(40)), usize::from)
}

/// Prose wraps at the terminal's width but at most 100 (longer lines read badly), or 80 when
/// piped.
fn default_width() -> usize {
    terminal_width().map_or(80, |w| w.clamp(20, 100))
}
/// Writes the outcome after anything already streamed (see [`Outcome::written`]), made safe for
/// the terminal whatever a command put in it.
fn finish(outcome: Outcome, stdout: &mut dyn Write) -> ExitCode {
    let written = stdout
        .write_all(sanitize(&outcome.stdout).as_bytes())
        .and_then(|()| stdout.flush());
    let failed = Outcome::written(String::new(), written);
    print_diagnostic(&(outcome.stderr + &failed.stderr));
    ExitCode::from(outcome.code.max(failed.code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::loader::Progress;

    /// Each command shows exactly what it showed when everything was loaded: reading only the
    /// files a command needs ([`Command::content`]) never leaves something out of its output.
    #[test]
    fn every_command_shows_the_same_with_only_the_files_it_reads() {
        let provider = "heron-and-teacup-integrative-therapy";
        let commands: &[&[&str]] = &[
            &["guides"],
            &["guide", "what-is-kap"],
            &["guide", "nowhere"],
            &["checklist"],
            &["providers"],
            &["providers", "--region", "MT", "--sort", "name"],
            &["compare", "--all"],
            &["compare", "--all", "--format", "json"],
            &["compare", "--all", "--format", "csv"],
            &["compare", "--all", "--format", "markdown"],
            &["explain", provider],
            &["explain", "nowhere"],
            &["questions", provider],
            &["questions", provider, "--format", "markdown"],
            &["options"],
            &["options", "--format", "markdown"],
            &["search", "integration"],
            &["search", "obsrvation"],
            &["validate"],
            &["validate", "tests/fixtures/providers/invalid"],
            &["schema"],
            &["completions", "bash"],
            &["man"],
            &["new-provider", provider],
            &["values"],
            &["packet", provider, "--format", "markdown"],
        ];
        let places: &[&[&str]] = &[
            &[],
            &[
                "--guides",
                "tests/fixtures/guides",
                "--providers",
                "tests/fixtures/providers/valid",
            ],
        ];
        let today = crate::core::date::Date::parse("2026-11-28").unwrap();
        for place in places {
            for args in commands {
                let cli = Cli::try_parse_from([&["kapguide"], *place, args].concat()).unwrap();
                let command = cli.command.as_ref().unwrap();
                let shown = |content| {
                    let options = LoadOptions {
                        guides_dir: cli.guides_dir.clone(),
                        provider_dirs: cli.provider_dirs.clone(),
                        today,
                        content,
                        ..LoadOptions::default()
                    };
                    let library = load_with_progress(&options, &Progress::default());
                    let context =
                        Context::with_library(library, options, None, &[], false).unwrap();
                    let mut written = Vec::new();
                    let outcome = run(command, &context, &mut written);
                    (written, outcome.stdout, outcome.stderr, outcome.code)
                };
                let everything = shown(Content::ALL);
                let said = everything.0.len() + everything.1.len() + everything.2.len();
                assert!(said > 0, "{args:?}");
                assert!(everything == shown(command.content()), "{place:?} {args:?}");
            }
        }
    }

    #[test]
    fn format_words_are_the_models_own() {
        let parse = |args: &[&str]| {
            let args = [&["kapguide"], args].concat();
            Cli::try_parse_from(args).unwrap().command
        };
        for f in Format::ALL {
            let parsed = parse(&["compare", "--all", "--format", f.name()]);
            assert!(matches!(parsed, Some(Command::Compare { format, .. }) if format == f));
        }
        for f in SheetFormat::ALL {
            let parsed = parse(&["questions", "x", "--format", f.name()]);
            assert!(matches!(parsed, Some(Command::Questions { format, .. }) if format == f));
        }
        let error = Cli::try_parse_from(["kapguide", "compare", "--format", "pdf"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("table, markdown, json, csv"), "{error}");
    }
}
