"""The walk builds Node objects slot by slot (segment/walk.py): every field must be set, with the right values."""

from dataclasses import fields

from cleantext.segment.html import segment_html
from cleantext.segment.nodes import Node


def test_every_node_field_is_set_by_the_walk() -> None:
    html = ('<html><body><div id="main" class="Post Body" role="main"><p>Text of the <a href="/x">post</a>.</p>'
            '<span hidden>gone</span><ul><li><a href="/a">One</a></li></ul></div></body></html>')
    blocks, _ = segment_html(html)
    nodes = {n.nid: n for b in blocks for n in b.extra["nodes"]}
    assert nodes
    for node in nodes.values():
        for field in fields(Node):
            getattr(node, field.name)  # AttributeError when the walk leaves a slot unset
        assert node.parent is None or node.parent.depth == node.depth - 1
    main = next(n for n in nodes.values() if n.tag == "div")
    assert main.attrs == (("id", "main"), ("class", "Post Body"), ("role", "main"))
    assert main.tokens == "main post body main" and main.hidden is None
    link = blocks[-1].extra["nodes"][-1]
    assert (link.tag, link.parent.tag, link.depth) == ("a", "li", link.parent.depth + 1)
