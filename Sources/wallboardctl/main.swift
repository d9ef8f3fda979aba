import WallboardSystem

let help = """
    wallboardctl — steer a running wallboard agent (over SSH on the board).

    Usage: wallboardctl COMMAND [ARGS]

    Commands:
      status                                   feed health, display, config, uptime
      thresholds                               show alarm thresholds
      threshold set QUEUE METRIC amber=V red=V change a threshold (applied live, saved)
      message "TEXT" [--for 30m] | message clear  the banner message
      snapshot FILE.png                        save what the screen shows
      preview                                  the live board in this terminal
      check-config [FILE]                      validate a configuration without applying it
    """

CommandLineTool.main(name: "wallboardctl", help: help) { arguments in
    let command = try arguments.command(among: ["status", "thresholds", "threshold", "message", "snapshot", "preview", "check-config"])
    CommandLineTool.printError("wallboardctl: '\(command)' is not built yet (see the open issues)")
    return 1
}
