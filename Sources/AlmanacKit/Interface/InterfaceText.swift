import Mustache

/// The interface strings as templates see them: `{{t.referenced_by}}`. A key
/// the table does not have renders as nothing (and a theme test checks that
/// every key the default templates name is in the English table).
struct InterfaceText: MustacheParent, MustacheCustomRenderable {
    let interface: Interface

    func child(named name: String) -> Any? {
        interface.texts[name] == nil ? nil : TemplateText(string: interface[name])
    }

    var renderText: String { "" }
    var isNull: Bool { false }
}
