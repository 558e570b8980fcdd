"""The event coder: who did what to whom, where, from the dependency parse and the verb dictionary.

For each verb (or event noun such as `meeting with`) that the verb dictionary knows, the coder finds the
acting entity (the subject, the `by` agent of a passive, or the subject inherited from the governing
clause), the target (direct object, dative, or the object of `to`/`with`/`against`/...), and the place
(`in`/`near`/`at` a place). Coordinated actors (`the UK, Germany and Canada pledged`) give one event
each, as GDELT does. The clause's mode says whether it reports something that happened.

Modules, in the order a trigger passes through them: `dictionary` (verb dictionary and matching),
`actors` (who acts), `targets` (to whom), `places` (where), `modality` (did it happen, who says so),
`inferred` (events implied by others), `document` (the document coder). `clauses` reads the parse for
all of them and `codes` names the CAMEO code classes they share. Event identity and merging live in
`newsevents.merging`.
"""

from newsevents.coder.document import code_document
from newsevents.coder.event_mention import EventMention

__all__ = ["EventMention", "code_document"]
