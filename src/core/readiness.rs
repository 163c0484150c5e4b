//! "Am I ready to decide?": four yes/no questions of the kind decision coaching uses (the SURE
//! test in the Ottawa Personal Decision Guide). A "no" points to what may help; nothing here
//! scores the answers or gives a verdict.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadinessQuestion {
    /// Its key in the config's `[readiness]` table.
    pub id: &'static str,
    pub question: &'static str,
    /// Where to go when the answer is "no": a view, a command or a person.
    pub if_no: &'static str,
}

pub const QUESTIONS: [ReadinessQuestion; 4] = [
    ReadinessQuestion {
        id: "sure",
        question: "Do you feel sure about the best choice for you?",
        if_no: "Feeling unsure is common. Go back over the options and what matters to you, and note what you still need to know.",
    },
    ReadinessQuestion {
        id: "informed",
        question: "Do you know the benefits and risks of each option, including not doing KAP?",
        if_no: "Read the options side by side (Options view, key 4; kapguide options) and the guides on safety and on depression.",
    },
    ReadinessQuestion {
        id: "clear",
        question: "Are you clear about which benefits and risks matter most to you?",
        if_no: "Answer \"what matters to you\" (key v; kapguide values) and see which rows and questions it marks.",
    },
    ReadinessQuestion {
        id: "support",
        question: "Do you have enough support and advice to make a choice?",
        if_no: "Talk it through with your own clinician or someone you trust, and take the consultation packet (kapguide packet ID; e then p in Compare) to a provider.",
    },
];

pub const READINESS_NOTE: &str = "This is not a test and gives no verdict. A \"no\" only points to what may help before you decide.";

/// The answers so far: `None` is not answered.
pub type Answers = [Option<bool>; 4];
