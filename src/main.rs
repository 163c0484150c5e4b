fn main() -> std::process::ExitCode {
    kapguide::cli::main()
}
