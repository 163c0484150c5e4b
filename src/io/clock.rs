//! The one place that reads the clock.

use crate::core::date::Date;

/// Today in the user's own time zone (a profile dated today is never "in the future" east of
/// UTC, and an answer typed on a US evening is not dated tomorrow). `KAPGUIDE_TODAY=YYYY-MM-DD`
/// pins it, so tests and reproducible exports do not change meaning as the calendar moves
/// ("stale" depends on today).
pub fn today() -> Date {
    if let Some(pinned) = std::env::var("KAPGUIDE_TODAY")
        .ok()
        .and_then(|t| Date::parse(&t))
    {
        return pinned;
    }
    let local = jiff::Timestamp::now()
        .to_zoned_datetime(local_time_zone())
        .date();
    Date::new(
        i32::from(local.year()),
        local.month().unsigned_abs(),
        local.day().unsigned_abs(),
    )
    .expect("jiff dates are valid calendar dates")
}

/// The system time zone, read straight from `/etc/localtime` when `TZ` is unset (as the C
/// library does): jiff's own lookup first lists every zone under /usr/share/zoneinfo (or
/// `TZDIR`) to learn the zone's name, about 0.8 ms, the largest single cost of a command on the
/// bundled data, and a date needs no name.
fn local_time_zone() -> jiff::tz::TimeZone {
    #[cfg(all(unix, not(target_os = "android")))]
    if std::env::var_os("TZ").is_none()
        && let Ok(tzif) = std::fs::read("/etc/localtime")
        && let Ok(zone) = jiff::tz::TimeZone::tzif("localtime", &tzif)
    {
        return zone;
    }
    jiff::tz::TimeZone::system()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_real_date_near_the_system_clock() {
        let utc = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        let utc = Date::new(
            i32::from(utc.year()),
            utc.month().unsigned_abs(),
            utc.day().unsigned_abs(),
        )
        .unwrap();
        let local = today();
        // Time zones span UTC-12 to UTC+14: the local date is within one day of UTC's.
        assert!(local.days_until(utc).abs() <= 1, "{local} vs {utc}");
    }

    #[test]
    fn the_zone_read_directly_is_the_one_jiff_finds() {
        let now = jiff::Timestamp::now();
        for when in [now, now - jiff::SignedDuration::from_hours(24 * 182)] {
            assert_eq!(
                local_time_zone().to_offset(when),
                jiff::tz::TimeZone::system().to_offset(when),
                "at {when}"
            );
        }
    }
}
