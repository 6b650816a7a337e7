"""Files the app writes and reads back: sessions (versioned JSON), model exports, loss
histories; every write atomic.

Modules, one job each: :mod:`.atomic` (writes), :mod:`.validation` (checking JSON fields),
:mod:`.dataset_json`, :mod:`.sessions` (the session schema, save and load),
:mod:`.session_parts` (a session as the app's objects), :mod:`.model_json`
(scikit-learn export) and :mod:`.history` (loss history CSV).
"""

from logreg_gui.core.io.atomic import atomic_write_bytes, atomic_write_text
from logreg_gui.core.io.dataset_json import dataset_from_json, dataset_to_json
from logreg_gui.core.io.history import history_to_csv
from logreg_gui.core.io.model_json import (MODEL_FORMAT, MODEL_VERSION, model_from_json,
                                           model_to_json, trained_model_json)
from logreg_gui.core.io.session_parts import SessionParts, session_document, session_parts
from logreg_gui.core.io.sessions import (SESSION_FORMAT, SESSION_SUFFIX, SESSION_VERSION,
                                         load_session, save_session)
from logreg_gui.core.io.validation import SessionError

__all__ = ["MODEL_FORMAT", "MODEL_VERSION", "SESSION_FORMAT", "SESSION_SUFFIX", "SESSION_VERSION",
           "SessionError", "atomic_write_bytes", "atomic_write_text", "dataset_from_json",
           "dataset_to_json", "history_to_csv", "load_session", "model_from_json",
           "model_to_json", "save_session", "SessionParts", "session_document",
           "session_parts", "trained_model_json"]
