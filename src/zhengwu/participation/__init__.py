"""Public participation (互动交流 beyond mailboxes): draft-policy consultations
(意见征集), surveys on collective.easyform (问卷调查) and online interviews
(在线访谈). docs/participation.md."""
