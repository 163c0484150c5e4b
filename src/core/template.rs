//! The starting point for a new provider file (`kapguide new-provider ID`): every field explained,
//! every checklist question present as `unknown`. It passes `validate` exactly as printed.

use super::checklist::Checklist;
use super::date::Date;
use super::sanitize::sanitize_line;

/// The template's stand-in texts; `validate` warns when a profile still has them.
pub const TEMPLATE_PLACEHOLDERS: [&str; 2] = [
    "Replace with the provider's name",
    "Describe the source: who said it, where, when",
];

pub fn provider_template(id: &str, checklist: &Checklist, today: Date) -> String {
    let mut out = format!(
        "# Provider profile for kapguide. Save as providers/{id}.toml: the file name is the id.\n\
         # Record only what a source states. Anything not stated stays \"unknown\" — never guess.\n\
         # Check it with: kapguide validate providers/{id}.toml\n\
         # Until the name and the source's reference are filled in, it warns (--strict fails).\n\
         \n\
         # The provider's name as they write it.\n\
         name = \"{name}\"\n\
         # kap-practice | ketamine-clinic | esketamine-center | telehealth\n\
         kind = \"kap-practice\"\n\
         # true only for fictional example data; it is then marked SAMPLE everywhere.\n\
         sample = false\n\
         # One line about the provider (optional).\n\
         # summary = \"\"\n\
         # How ketamine is given: iv, im, sublingual, oral, intranasal, esketamine, subcutaneous.\n\
         # Questions that apply only to some routes (such as esketamine REMS) count only if listed here.\n\
         routes = []\n\
         # Conditions the provider says it treats, lowercase words.\n\
         conditions = []\n\
         # How much care is by video or phone: none | partial | full (optional).\n\
         # telehealth = \"none\"\n\
         # Languages care is offered in (optional).\n\
         # languages = [\"English\"]\n\
         \n\
         [location]\n\
         # city = \"\"\n\
         # region = \"\"          # state or province code, e.g. \"MT\"\n\
         # country = \"US\"       # two-letter ISO code\n\
         # in_person = true\n\
         # telehealth = false\n\
         \n\
         [contact]\n\
         # phone = \"\"\n\
         # website = \"https://\"\n\
         # email = \"\"\n\
         \n\
         # Where these facts come from. A profile with no source is flagged.\n\
         [source]\n\
         # self-described (the provider's own words) | consultation (asked directly) | document\n\
         kind = \"consultation\"\n\
         reference = \"{reference}\"\n\
         # url = \"https://\"\n\
         # The day you last checked. Profiles older than a year are flagged as stale.\n\
         last_verified = {today}\n\
         \n\
         # One block per clinician; copy it for each. A check of the licence on the board's own\n\
         # lookup page goes in verification (result: active | active-with-discipline | not-found |\n\
         # expired | unchecked). Not found or expired is a safety flag; unchecked a data flag.\n\
         # [[clinicians]]\n\
         # name = \"\"\n\
         # role = \"prescriber\"       # prescriber | therapist | nurse | monitor\n\
         # licence_type = \"\"\n\
         # licence_number = \"\"\n\
         # licensed_in = \"\"         # state, province or country\n\
         # board_url = \"https://\"\n\
         # verification = {{ date = {today}, result = \"active\" }}\n\
         \n\
         # Fees in whole units of currency: 450, or {{ min = 400, max = 600, note = \"…\", source = \"…\" }}.\n\
         # Leave out what nobody has stated or is not offered; write 0 for a session included in another fee.\n\
         # [costs]\n\
         # currency = \"USD\"\n\
         # dosing_session = 0\n\
         # preparation_session = 0\n\
         # integration_session = 0\n\
         # packages = \"\"\n\
         # insurance = \"unknown\"     # accepts | superbill | none | unknown\n\
         # prior_auth_help = false\n\
         # refund_policy = \"\"\n\
         \n\
         # One line per checklist question: yes | partial | no | unknown | na (does not apply).\n\
         # For detail, write a table: question_id = {{ answer = \"partial\", note = \"…\", source = \"…\", date = {today} }}\n\
         [answers]\n",
        name = TEMPLATE_PLACEHOLDERS[0],
        reference = TEMPLATE_PLACEHOLDERS[1],
    );
    for (index, category) in checklist.categories.iter().enumerate() {
        out.push_str(&format!("\n# {}\n", sanitize_line(&category.title)));
        for question in checklist.questions_in(index) {
            out.push_str(&format!(
                "# {}\n{} = \"unknown\"\n",
                sanitize_line(&question.question),
                question.id
            ));
        }
    }
    out
}
