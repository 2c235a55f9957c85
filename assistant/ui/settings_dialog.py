"""Settings: provider, endpoint, model, API key (to the OS keyring only), Entra ID, PHI mode.

Every setting written to the user file is audited like `clinassist config set`: a "settings"
entry with the key and whether its value changed, never the value.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from assistant.core.settings_changes import save_setting, store_api_key
from assistant.governance.audit import AuditError
from assistant.governance.settings import LLMSettings, load_settings

PROVIDERS = [
    ("offline", "Offline (quotes from the approved documents; nothing leaves this computer)"),
    ("openai", "OpenAI"),
    ("azure", "Azure OpenAI"),
    ("compatible", "OpenAI-compatible server (vLLM, Ollama, llama.cpp)"),
]

SAVED_LLM_KEYS = ("provider", "endpoint", "model", "api_version", "use_entra_id")


class SettingsDialog(QDialog):
    def __init__(self, session, workers, parent=None):
        super().__init__(parent)
        self.session, self.workers = session, workers
        self.setWindowTitle("Settings")
        llm = session.settings.llm
        self.provider = QComboBox()
        for key, label in PROVIDERS:
            self.provider.addItem(label, key)
        self.provider.setCurrentIndex([k for k, _ in PROVIDERS].index(llm.provider))
        self.endpoint = QLineEdit(
            llm.endpoint, placeholderText="https://….openai.azure.com or http://host:8000/v1"
        )
        self.model = QLineEdit(llm.model, placeholderText="model name, or the Azure deployment")
        self.api_version = QLineEdit(llm.api_version)
        self.api_key = QLineEdit(placeholderText="leave empty to keep the stored key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.entra = QCheckBox("Sign in with Microsoft Entra ID (no API key)")
        self.entra.setChecked(llm.use_entra_id)
        self.phi_mode = QComboBox()
        self.phi_mode.addItem("Redact identifiers before sending", "redact")
        self.phi_mode.addItem("Block questions that contain identifiers", "block")
        self.phi_mode.setCurrentIndex(0 if session.settings.privacy.phi_mode == "redact" else 1)
        # Shown, not chosen here: IT sets it in the site settings file.
        self.phi_mode.setEnabled(False)
        self.phi_mode.setToolTip("Set by your IT team in the site settings file")
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel("")
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName("Connection test result")
        form = QFormLayout()
        for label, widget in [
            ("Provider", self.provider),
            ("Endpoint", self.endpoint),
            ("Model / deployment", self.model),
            ("API version (Azure)", self.api_version),
            ("API key", self.api_key),
            ("", self.entra),
            ("Patient identifiers (set by IT)", self.phi_mode),
            ("", self.test_button),
            ("", self.test_result),
        ]:
            form.addRow(label, widget)
            widget.setAccessibleName(label or widget.text() if hasattr(widget, "text") else label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.provider.currentIndexChanged.connect(self._enable_fields)
        self._enable_fields()

    def _enable_fields(self) -> None:
        online = self.provider.currentData() != "offline"
        azure = self.provider.currentData() == "azure"
        for widget in (self.endpoint, self.model, self.api_key, self.test_button):
            widget.setEnabled(online)
        self.api_version.setEnabled(azure)
        self.entra.setEnabled(azure)

    def chosen_llm(self) -> LLMSettings:
        current = self.session.settings.llm
        return current.model_copy(
            update={
                "provider": self.provider.currentData(),
                "endpoint": self.endpoint.text().strip(),
                "model": self.model.text().strip(),
                "api_version": self.api_version.text().strip(),
                "use_entra_id": self.entra.isChecked(),
            }
        )

    def test_connection(self) -> None:
        from assistant.answering.llm import make_chat_client
        from assistant.governance.secrets import get_api_key

        llm = self.chosen_llm()
        key = self.api_key.text().strip() or get_api_key(llm.provider)
        self.test_result.setText("Testing…")
        self.test_button.setEnabled(False)
        self._test_job = self.workers.read(
            "test connection",
            lambda: make_chat_client(llm, key).check_connection(),
            on_done=lambda message: self._tested(f"✔ {message}"),
            on_error=lambda exc: self._tested(f"✘ {exc}"),
        )

    def _tested(self, text: str) -> None:
        self.test_result.setText(text)
        self.test_button.setEnabled(True)

    def save(self) -> None:
        from assistant.governance.secrets import SecretStoreError

        home = self.session.settings.home
        llm = self.chosen_llm()
        values = {f"llm.{key}": getattr(llm, key) for key in SAVED_LLM_KEYS}
        key = ""
        try:
            if self.api_key.text().strip():
                key = f"llm.api_key[{llm.provider}]"
                store_api_key(home, llm.provider, self.api_key.text())
            for key, value in values.items():
                save_setting(home, key, value)
        except AuditError as exc:
            # The file already holds `key`'s change (later keys were not written): follow the
            # file, and keep the dialog open with the error rather than pretend all is well.
            self.session.reload_settings(load_settings(home))
            self.test_result.setText(
                f"✘ Not all saved: the audit log could not record the change to {key}: {exc}"
            )
            return
        except (SecretStoreError, KeyError, ValueError) as exc:
            self.test_result.setText(f"✘ Not saved: {exc}")
            return
        self.api_key.clear()  # the key lives in the keyring, not in this dialog
        self.session.reload_settings(load_settings(home))
        self.accept()
