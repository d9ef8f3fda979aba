/// How the agent was started (the command line, parsed in Sources/wallboard/main.swift).
public struct AgentOptions: Sendable {
    /// The config file; nil runs on the built-in defaults (the quick start).
    public var configPath: String?
    /// Display kind from --display ("auto", "drm", "fbdev", "terminal", "png"); nil: the config's choice.
    public var display: String?
    /// Feed the board from the built-in simulated call floor instead of the network.
    public var simulate: Bool
    /// The control socket; nil: the default, /run/wallboard/control.
    public var controlSocket: String?
    /// Where PNG frames go when drawing to png (overrides the config).
    public var pngPath: String?
    /// Seed of the simulated floor (the same seed gives the same floor).
    public var simulatorSeed: UInt64

    public init(
        configPath: String? = nil, display: String? = nil, simulate: Bool = false, controlSocket: String? = nil,
        pngPath: String? = nil, simulatorSeed: UInt64 = 1
    ) {
        self.configPath = configPath
        self.display = display
        self.simulate = simulate
        self.controlSocket = controlSocket
        self.pngPath = pngPath
        self.simulatorSeed = simulatorSeed
    }
}
