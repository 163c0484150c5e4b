//! The model badge: whether therapy is built into a provider's care. It describes the model
//! (KAP, an infusion-only course, esketamine at a certified site…) without judging it; having
//! no therapy is never a safety flag.

use serde::Serialize;

use super::provider::{AnswerValue, Provider, ProviderKind};

/// The checklist questions the badge reads.
pub const PREP: &str = "prep_sessions";
pub const INTEGRATION: &str = "integration_sessions";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelBadge {
    /// Preparation and integration are both part of the plan.
    TherapyBuiltIn,
    /// Some therapy is offered, or sold on the side.
    TherapyOptional,
    /// Dosing visits without preparation or integration.
    DosingOnly,
    Unknown,
}

impl ModelBadge {
    pub fn label(self) -> &'static str {
        match self {
            ModelBadge::TherapyBuiltIn => "therapy built in",
            ModelBadge::TherapyOptional => "therapy optional",
            ModelBadge::DosingOnly => "dosing only",
            ModelBadge::Unknown => "unknown",
        }
    }

    /// The badge from the preparation and integration answers. When one of them is unknown the
    /// kind decides only what it implies by definition: a KAP practice with one side of the
    /// therapy confirmed pairs dosing with therapy; a clinic or esketamine centre confirmed to
    /// have none on one side is dosing only. Anything else stays unknown.
    pub fn of(provider: &Provider) -> ModelBadge {
        // 2 = included, 1 = partly or at extra cost, 0 = none; n/a means none is offered.
        let level = |id: &str| match provider.answer(id) {
            AnswerValue::Yes => Some(2),
            AnswerValue::Partial => Some(1),
            AnswerValue::No | AnswerValue::Na => Some(0),
            AnswerValue::Unknown => None,
        };
        match (level(PREP), level(INTEGRATION)) {
            (Some(2), Some(2)) => ModelBadge::TherapyBuiltIn,
            (Some(0), Some(0)) => ModelBadge::DosingOnly,
            (Some(_), Some(_)) => ModelBadge::TherapyOptional,
            (None, None) => ModelBadge::Unknown,
            (Some(known), None) | (None, Some(known)) => match (known, provider.kind) {
                (2, ProviderKind::KapPractice) => ModelBadge::TherapyBuiltIn,
                (0, ProviderKind::KetamineClinic | ProviderKind::EsketamineCenter) => {
                    ModelBadge::DosingOnly
                }
                _ => ModelBadge::Unknown,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::core::checklist::Checklist;

    fn provider(kind: &str, prep: &str, integration: &str) -> Provider {
        let checklist = Checklist::parse(
            Path::new("c.toml"),
            "[[category]]\nid = \"therapy\"\ntitle = \"T\"\n[[question]]\nid = \"prep_sessions\"\ncategory = \"therapy\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 3\n[[question]]\nid = \"integration_sessions\"\ncategory = \"therapy\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 3\n",
        )
        .0
        .unwrap();
        let text = format!(
            "name = \"P\"\nkind = \"{kind}\"\n[answers]\nprep_sessions = \"{prep}\"\nintegration_sessions = \"{integration}\"\n"
        );
        Provider::parse(Path::new("p.toml"), &text, &checklist)
            .0
            .unwrap()
    }

    #[test]
    fn badge_follows_the_answers() {
        let badge =
            |prep, integration| ModelBadge::of(&provider("kap-practice", prep, integration));
        assert_eq!(badge("yes", "yes"), ModelBadge::TherapyBuiltIn);
        assert_eq!(badge("no", "no"), ModelBadge::DosingOnly);
        assert_eq!(badge("na", "no"), ModelBadge::DosingOnly);
        assert_eq!(badge("yes", "partial"), ModelBadge::TherapyOptional);
        assert_eq!(badge("yes", "no"), ModelBadge::TherapyOptional);
        assert_eq!(badge("unknown", "unknown"), ModelBadge::Unknown);
    }

    #[test]
    fn the_kind_settles_only_what_it_implies() {
        let badge = |kind, prep| ModelBadge::of(&provider(kind, prep, "unknown"));
        assert_eq!(badge("kap-practice", "yes"), ModelBadge::TherapyBuiltIn);
        assert_eq!(badge("ketamine-clinic", "yes"), ModelBadge::Unknown);
        assert_eq!(badge("ketamine-clinic", "no"), ModelBadge::DosingOnly);
        assert_eq!(badge("esketamine-center", "no"), ModelBadge::DosingOnly);
        assert_eq!(badge("kap-practice", "no"), ModelBadge::Unknown);
        assert_eq!(badge("telehealth", "partial"), ModelBadge::Unknown);
    }
}
