import WallboardCore
import WallboardSystem

let launchedAt = SystemClock().now()

let help = """
    wallboard — draws a control room's call floor on a wall screen from a UDP multicast metrics feed.

    Usage: wallboard [--config FILE] [--display auto|drm|fbdev|terminal|png|none] [--simulate] [OPTIONS]

    Options:
      --config FILE   configuration file (default: built-in defaults). A bad file at start is an
                      error naming file:line; on SIGHUP (systemctl reload) a bad file is logged and
                      the running configuration kept
      --display KIND  where to draw (default: the config's, else auto: DRM, else fbdev, else the
                      terminal, else PNG snapshots); none: draw in memory only, for
                      wallboardctl preview/snapshot
      --simulate      feed the board from the built-in simulated call floor (no network needed)
      --seed N        the simulated floor's random seed (default 1)
      --socket PATH   control socket for wallboardctl (default \(defaultControlSocketPath))
      --png FILE      where PNG snapshots go when drawing to png (default: the config's png_path,
                      or ./wallboard.png when that directory is not writable)
      --verbose       log debug lines too
      --help          show this help
      --version       show the version

    Signals: SIGHUP reloads the config; SIGTERM and SIGINT exit cleanly, giving the screen back.
    Logs go to stderr with <N> priority prefixes (journald reads them as priorities).
    """

CommandLineTool.main(name: "wallboard", help: help) { arguments in
    var options = AgentOptions()
    options.configPath = try arguments.option("--config")
    options.display = try arguments.option("--display")
    if let kind = options.display, DisplayKind(rawValue: kind) == nil && kind != "none" {
        throw UsageError("--display: '\(kind)' is not one of \(AgentDisplay.kinds)")
    }
    options.simulate = arguments.flag("--simulate")
    options.simulatorSeed = try arguments.option("--seed", as: { UInt64($0) }, expected: "a whole number") ?? 1
    options.controlSocket = try arguments.option("--socket")
    options.pngPath = try arguments.option("--png")
    let verbose = arguments.flag("--verbose")
    try arguments.finish()

    let logger = Logger(minimum: verbose ? .debug : .info)
    // A bad config or no usable display at start: one clear error (file:line for the config), exit 1.
    let agent = try Agent(options: options, logger: logger, launchedAt: launchedAt)
    agent.run()
}
