//! The essential crisis numbers, built in so they show even when no guide can be read: the app's
//! crisis overlay and every printed packet use these. Facts: shared/research/kap_facts.md §20.

/// The support lines, shortest first: each item stays on one line, and so does every number.
pub const CRISIS_TALK: [&str; 4] = [
    "US: call or text 988",
    "Canada: call or text 9-8-8",
    "UK & Ireland: Samaritans 116 123",
    "Australia: Lifeline 13 11 14",
];
pub const CRISIS_EMERGENCY: [&str; 4] = [
    "Emergency: 911 US/Canada",
    "999 or 112 UK",
    "000 Australia",
    "112 EU",
];
