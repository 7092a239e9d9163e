import Foundation
import HikeshiCore
import SSMContactsModel

/// Converts rotations between the wire shapes and the shift engine's definitions.
enum RotationMapping {
    static func recurrence(_ settings: SSMContacts.RecurrenceSettings) throws -> RotationRecurrence {
        let kinds = [settings.dailySettings?.isEmpty == false, settings.weeklySettings?.isEmpty == false, settings.monthlySettings?.isEmpty == false]
        guard kinds.filter({ $0 }).count == 1 else {
            throw ContactsError.invalid("Recurrence", "Give exactly one of DailySettings, WeeklySettings and MonthlySettings")
        }
        let pattern: RotationRecurrence.Pattern
        if let daily = settings.dailySettings, !daily.isEmpty {
            pattern = .daily(daily.map(handOff))
        } else if let weekly = settings.weeklySettings, !weekly.isEmpty {
            pattern = .weekly(
                try weekly.map { entry in
                    guard let day = Weekday(rawValue: entry.dayOfWeek.rawValue) else {
                        throw ContactsError.invalid("Recurrence.WeeklySettings", "Unknown day \(entry.dayOfWeek.rawValue)")
                    }
                    return WeeklyHandOff(dayOfWeek: day, handOffTime: handOff(entry.handOffTime))
                }
            )
        } else {
            pattern = .monthly(
                (settings.monthlySettings ?? []).map { MonthlyHandOff(dayOfMonth: $0.dayOfMonth, handOffTime: handOff($0.handOffTime)) })
        }
        var coverage: [Weekday: [CoverageWindow]] = [:]
        for (day, windows) in settings.shiftCoverages ?? [:] {
            guard let weekday = Weekday(rawValue: day) else {
                throw ContactsError.invalid("Recurrence.ShiftCoverages", "Unknown day \(day)")
            }
            coverage[weekday] = try windows.map { window in
                guard let start = window.start, let end = window.end else {
                    throw ContactsError.invalid("Recurrence.ShiftCoverages.\(day)", "A coverage time needs Start and End")
                }
                return CoverageWindow(start: handOff(start), end: handOff(end))
            }
        }
        return RotationRecurrence(
            pattern: pattern,
            numberOfOnCalls: settings.numberOfOnCalls,
            multiplier: settings.recurrenceMultiplier,
            coverage: coverage
        )
    }

    static func settings(_ recurrence: RotationRecurrence) -> SSMContacts.RecurrenceSettings {
        var settings = SSMContacts.RecurrenceSettings(numberOfOnCalls: recurrence.numberOfOnCalls, recurrenceMultiplier: recurrence.multiplier)
        switch recurrence.pattern {
        case .daily(let times):
            settings.dailySettings = times.map(handOff)
        case .weekly(let entries):
            settings.weeklySettings = entries.map { entry in
                SSMContacts.WeeklySetting(
                    dayOfWeek: SSMContacts.DayOfWeek(rawValue: entry.dayOfWeek.rawValue) ?? .mon, handOffTime: handOff(entry.handOffTime))
            }
        case .monthly(let entries):
            settings.monthlySettings = entries.map { SSMContacts.MonthlySetting(dayOfMonth: $0.dayOfMonth, handOffTime: handOff($0.handOffTime)) }
        }
        if !recurrence.coverage.isEmpty {
            var coverage: [String: [SSMContacts.CoverageTime]] = [:]
            for (day, windows) in recurrence.coverage {
                coverage[day.rawValue] = windows.map { SSMContacts.CoverageTime(start: handOff($0.start), end: handOff($0.end)) }
            }
            settings.shiftCoverages = coverage
        }
        return settings
    }

    static func handOff(_ time: SSMContacts.HandOffTime) -> HandOffTime {
        HandOffTime(hour: time.hourOfDay, minute: time.minuteOfHour)
    }

    static func handOff(_ time: HandOffTime) -> SSMContacts.HandOffTime {
        SSMContacts.HandOffTime(hourOfDay: time.hour, minuteOfHour: time.minute)
    }

    static func shape(_ shift: Shift) -> SSMContacts.RotationShift {
        SSMContacts.RotationShift(
            contactIds: shift.members,
            startTime: shift.start,
            endTime: shift.end,
            type: shift.isOverridden ? .overridden : .regular,
            shiftDetails: shift.isOverridden ? SSMContacts.ShiftDetails(overriddenContactIds: shift.overriddenMembers) : nil
        )
    }
}
