import WallboardSystem

let help = """
    wallboard-publish — publish the wallboard metrics feed over UDP multicast (PROTOCOL.md).

    Usage: wallboard-publish COMMAND [OPTIONS]

    Commands:
      send                 read snapshots from stdin and publish them   [--format line|json|csv]
                           line (default): Q, S, A and I records, a blank line publishes;
                           json: one object per line {"queues":[…],"staff":[…],"handlers":[…],"incidents":[…],"floor":…};
                           csv: a header row of field names (+ record=Q|S|A|I), rows, blank line publishes
      simulate             publish a simulated UK police control-room floor (999, 101, crime, online)
      record FILE          capture the feed to FILE   [--count N] [--duration SECS]
      replay FILE          play a recording back      [--speed N]
      listen               print decoded datagrams and counters   [--count N] [--timeout SECS]
      asterisk             bridge an Asterisk manager interface (AMI) to the feed: queues and members

    \(PublishOptions.help)

    \(SimulateCommand.help)

    \(AsteriskCommand.help)

    Examples:
      printf 'Q id=999 waiting=2 oldest=8\\nS available=5 oncall=3 wrap=1 break=0\\n' | wallboard-publish send
      echo '{"queues":[{"id":"999","waiting":2,"oldest":8}]}' | wallboard-publish send --format json
      wallboard-publish simulate --speed 60 --interval 1
      wallboard-publish listen --key /etc/wallboard/feed.key
      wallboard-publish asterisk --ami 127.0.0.1:5038 --user wallboard --secret-file /etc/wallboard/ami.secret --interval 1
    """

CommandLineTool.main(name: "wallboard-publish", help: help) { arguments in
    switch try arguments.command(among: ["send", "simulate", "record", "replay", "listen", "asterisk"]) {
    case "send": try SendCommand.run(&arguments)
    case "simulate": try SimulateCommand.run(&arguments)
    case "record": try RecordCommand.run(&arguments)
    case "replay": try ReplayCommand.run(&arguments)
    case "asterisk": try AsteriskCommand.run(&arguments)
    default: try ListenCommand.run(&arguments)
    }
}
