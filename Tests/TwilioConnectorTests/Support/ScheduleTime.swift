import Foundation

/// Times a message can be scheduled for (15 minutes to 35 days ahead), as local date-times.
enum ScheduleTime {
    /// Tomorrow at `time` (`09:30:00`) in the IANA zone `zone`: `2030-01-31T09:30:00`.
    static func tomorrow(at time: String, in zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? calendar.timeZone
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: Date()) ?? Date()
        let day = calendar.dateComponents([.year, .month, .day], from: tomorrow)
        return String(format: "%04d-%02d-%02dT", day.year ?? 2030, day.month ?? 1, day.day ?? 1) + time
    }
}
