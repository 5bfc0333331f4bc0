// Client script of the UI page x_closeloop_override_dialog (opened by GlideModal from the classic
// form). OK hands the justification to the form's callback; Cancel just closes.
function closeloopOverrideOk() {
    var text = String(gel('x_closeloop_justification').value || '').trim();
    if (!text) {
        gel('x_closeloop_justification_error').style.display = '';
        return false;
    }
    var modal = GlideModal.get();
    var onJustified = modal.getPreference('closeloop_on_justified');
    modal.destroy();
    if (typeof onJustified == 'function') onJustified(text);
    return false;
}

function closeloopOverrideCancel() {
    GlideModal.get().destroy();
    return false;
}
