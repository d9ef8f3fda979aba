import WallboardSystem

let help = """
    wallboardctl — steer a running wallboard agent (over SSH on the board).

    Usage: wallboardctl [--socket PATH] COMMAND [ARGS]

    Commands:
      status [--json]                          feed health per publisher, display, config, uptime, frame timings
                                               (--json: every fact, stable field names, for scripts)
      thresholds [--json]                      show the alarm thresholds in force
      threshold set QUEUE METRIC amber=V red=V change a threshold: validated, applied live, saved to the
                                               config file (comments kept), written to the audit log
                                               (also: threshold set QUEUE METRIC.red V;
                                               --profile night: the METRIC.red@night limits;
                                               GRADE/AREA for incidents: immediate/urban oldest.red 15m)
      message "TEXT" [--for 30m]               show a banner (optionally clearing itself after a while)
      message clear                            remove the banner
      ack [QUEUE|GRADE/AREA]                   acknowledge an alarm (every alarm when none named): its tone
                                               stops and its tile says "ACKNOWLEDGED by you HH:MM" until it
                                               clears; written to the audit log (GRADE/AREA: an incident
                                               tile; queue:ID: a queue whose id has that shape)
      snapshot FILE.png                        save what the screen shows
      preview [--once]                         the live board in this terminal (Ctrl-C to stop)
      check-config [FILE]                      validate a config file without applying it
                                               (no FILE: the agent's own file, as SIGHUP would read it)
      reload                                   re-read the config file (as systemctl reload wallboard)

    Options:
      --socket PATH   the agent's control socket (default \(defaultControlSocketPath))

    You must be in the 'wallboard' group to use the socket: sudo adduser $USER wallboard
    Examples:
      wallboardctl threshold set 999 longest_wait amber=20s red=40s
      wallboardctl message "Major incident on the M6: expect high 999 demand" --for 2h
    """

CommandLineTool.main(name: "wallboardctl", help: help) { arguments in
    let socket = try arguments.option("--socket") ?? defaultControlSocketPath
    let command = try arguments.command(among: [
        "status", "thresholds", "threshold", "message", "ack", "snapshot", "preview", "check-config", "reload",
    ])
    switch command {
    case "status": return try StatusCommand.run(&arguments, socket: socket)
    case "thresholds": return try ThresholdCommands.show(&arguments, socket: socket)
    case "threshold": return try ThresholdCommands.set(&arguments, socket: socket)
    case "message": return try MessageCommand.run(&arguments, socket: socket)
    case "ack": return try AckCommand.run(&arguments, socket: socket)
    case "snapshot": return try SnapshotCommand.run(&arguments, socket: socket)
    case "preview": return try PreviewCommand.run(&arguments, socket: socket)
    case "check-config": return try CheckConfigCommand.run(&arguments, socket: socket)
    default: return try ReloadCommand.run(&arguments, socket: socket)
    }
}
