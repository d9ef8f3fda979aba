/// The default floor: a mid-sized English force control room, scaled from published figures.
///
/// Sources for scale (public reports; rounded):
/// - Home Office 999 data (from Nov 2023): forces answer ~90 % of 999 calls within 10 s, the
///   national target; a mid-sized force takes ~800–1,000 999 calls a day, peaking in the evening.
/// - HMICFRS "police contact management" inspections (2023–24): 101 average answer times of one
///   to a few minutes and abandonment commonly 7–14 % (worse in some forces); 101 demand peaks in
///   office hours; non-emergency calls take ~6 min to handle.
/// - Crime-recording / investigation desks reached from the 101 menu: waits of many minutes and
///   about a quarter of callers giving up, with calls of ~15–20 min (a full crime report).
/// - Online reports and web chat: a growing share of non-emergency contact, picked up by a
///   digital desk with waits measured in tens of minutes.
extension FloorConfiguration {
    public static let ukPoliceControlRoom = FloorConfiguration(
        floorName: "Force Control Room",
        queues: [
            QueueProfile(
                id: "999", name: "999 Emergency", targetSeconds: 10, dailyVolume: 900, priority: 3,
                profile: DailyProfiles.emergency,
                talk: .lognormal(mean: 240, cv: 0.7), wrapUp: .lognormal(mean: 60, cv: 0.6),
                // 999 callers rarely hang up while ringing; a few (misdials, changed minds) do.
                patience: .lognormal(mean: 300, cv: 1.0),
                // Silent 999 calls put through by the Silent Solution: a few in a hundred.
                silentShare: 0.03),
            QueueProfile(
                id: "101", name: "101 Non-emergency", targetSeconds: 30, dailyVolume: 1400, priority: 2,
                profile: DailyProfiles.nonEmergency,
                talk: .lognormal(mean: 330, cv: 0.8), wrapUp: .lognormal(mean: 90, cv: 0.6),
                patience: .lognormal(mean: 660, cv: 1.2)),
            QueueProfile(
                id: "CRIME", name: "Crime Recording", targetSeconds: 300, dailyVolume: 280, priority: 1,
                profile: DailyProfiles.nonEmergency,
                talk: .lognormal(mean: 960, cv: 0.5), wrapUp: .lognormal(mean: 240, cv: 0.5),
                patience: .lognormal(mean: 1800, cv: 1.0)),
            QueueProfile(
                id: "ONLINE", name: "Online & Web Chat", targetSeconds: 1800, dailyVolume: 450,
                profile: DailyProfiles.online,
                talk: .lognormal(mean: 540, cv: 0.6), wrapUp: .lognormal(mean: 120, cv: 0.5),
                patience: .lognormal(mean: 5400, cv: 1.0)),
        ],
        teams: [
            // Dedicated 999 handlers; they take 101 calls only while two of them stay free.
            StaffTeam(
                homeQueue: "999", skills: ["999", "101"],
                shifts: RosterLines.tenHour([2: 3, 6: 4, 8: 1, 10: 1, 16: 5, 18: 1, 20: 1]),
                breaks: BreakRules.tenHourShift, overflowReserve: 3, notReadyChance: 0.04),
            // 101 handlers are 999-trained: a waiting 999 call always comes first.
            StaffTeam(
                homeQueue: "101", skills: ["101", "999"],
                shifts: RosterLines.tenHour([5: 1, 6: 2, 7: 3, 8: 3, 9: 2, 16: 1, 17: 3, 18: 3, 19: 1]),
                breaks: BreakRules.tenHourShift, notReadyChance: 0.04),
            StaffTeam(
                homeQueue: "CRIME", skills: ["CRIME"],
                shifts: RosterLines.tenHour([5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 17: 1, 18: 2, 19: 1]),
                breaks: BreakRules.tenHourShift, notReadyChance: 0.04),
            StaffTeam(
                homeQueue: "ONLINE", skills: ["ONLINE"],
                shifts: RosterLines.tenHour([5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 16: 1, 17: 1, 18: 1, 19: 1]),
                breaks: BreakRules.tenHourShift, notReadyChance: 0.04),
        ])
}

/// Hourly demand shapes (relative; hour 0 = 00:00–01:00).
public enum DailyProfiles {
    /// 999: quiet small hours (trough ~05:00 at about a third of the peak), climbing through the
    /// day to an evening peak 17:00–21:00 that lingers past midnight.
    public static let emergency = DailyProfile(hourlyWeights: [
        4.5, 3.8, 3.0, 2.4, 1.9, 1.7, 1.9, 2.6, 3.4, 3.9, 4.2, 4.4,
        4.5, 4.6, 4.8, 5.2, 5.5, 5.7, 5.8, 5.8, 5.7, 5.5, 5.3, 5.0,
    ])
    /// 101 and the desks it feeds: office-hours demand, very little overnight.
    public static let nonEmergency = DailyProfile(hourlyWeights: [
        2.2, 1.4, 0.9, 0.7, 0.6, 0.7, 1.4, 3.0, 5.4, 6.6, 6.8, 6.6,
        6.3, 6.3, 6.4, 6.4, 6.3, 6.0, 5.6, 5.0, 4.4, 3.8, 3.2, 2.8,
    ])
    /// Online reports and chat: spread across the waking day, evening-heavy.
    public static let online = DailyProfile(hourlyWeights: [
        3.0, 2.0, 1.5, 1.0, 1.0, 1.0, 1.5, 2.5, 4.0, 5.0, 5.5, 5.5,
        5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.0, 4.5, 4.0,
    ])
}

/// Shift lines, staggered so staffing follows demand (worked out from each hour's workload in
/// Erlangs: arrivals × handling time ÷ 3600, plus a margin for 999 and a little short of it for
/// the desks, which is where the waits come from).
public enum RosterLines {
    /// 10-hour shifts: start hour → handlers starting then.
    public static func tenHour(_ starts: [Int: Int]) -> [Shift] {
        starts.keys.sorted().map { Shift(start: Double($0), hours: 10, handlers: starts[$0] ?? 0) }
    }
}

/// Break patterns.
public enum BreakRules {
    /// A 10-hour shift: 20 minutes in the first half, 30 in the second, staggered across the team.
    public static let tenHourShift = [
        BreakRule(earliest: 0.25, latest: 0.45, minutes: 20),
        BreakRule(earliest: 0.55, latest: 0.75, minutes: 30),
    ]
}
