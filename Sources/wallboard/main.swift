import WallboardSystem

let help = """
    wallboard — draws a control room's call floor on a wall screen from a UDP multicast metrics feed.

    Usage: wallboard [--config FILE] [--display auto|drm|fbdev|terminal|png] [--simulate]

    Options:
      --config FILE   configuration file (default: built-in defaults)
      --display KIND  where to draw (default: auto: DRM, else fbdev, else terminal, else PNG)
      --simulate      feed the board from the built-in simulated call floor
      --help          show this help
      --version       show the version
    """

CommandLineTool.main(name: "wallboard", help: help) { arguments in
    _ = try arguments.option("--config")
    _ = try arguments.option("--display")
    _ = arguments.flag("--simulate")
    try arguments.finish()
    CommandLineTool.printError("wallboard: the agent is not built yet (see the open issues)")
    return 1
}
