/// The version printed by every executable's `--version`.
public enum WallboardVersion {
    public static let string = "0.1.0"
}
