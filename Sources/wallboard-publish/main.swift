import WallboardSystem

let help = """
    wallboard-publish — publish the wallboard metrics feed over UDP multicast.

    Usage: wallboard-publish COMMAND [OPTIONS]

    Commands:
      send       read metrics records from stdin and publish them
      simulate   publish a simulated control-room call floor
      record     capture the feed to a file
      replay     play a recording back
      listen     print decoded datagrams and counters
    """

CommandLineTool.main(name: "wallboard-publish", help: help) { arguments in
    let command = try arguments.command(among: ["send", "simulate", "record", "replay", "listen"])
    CommandLineTool.printError("wallboard-publish: '\(command)' is not built yet (see the open issues)")
    return 1
}
