"""Independent count of an ODM file's item-group records with xml.etree (for ODMReaderTests).

Prints one JSON object: ItemGroupOID -> list of records in document order, each
{"subject", "event_repeat", "form_repeat", "group_repeat", "items", "nulls"}
where items counts every ItemData/ItemData<Type> child and nulls those with IsNull="Yes".
"""
import json
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1]


def children(element, name):
    return [c for c in element if local(c.tag) == name]


def add_groups(parent, subject, event, form, groups):
    """Every ItemGroupData under `parent`, also nested ones (matrix forms), in document order."""
    for group in children(parent, "ItemGroupData"):
        items = [c for c in group if local(c.tag).startswith("ItemData")]
        groups.setdefault(group.get("ItemGroupOID"), []).append({
            "subject": subject.get("SubjectKey"),
            "event_repeat": event.get("StudyEventRepeatKey"),
            "form_repeat": form.get("FormRepeatKey") if form is not None else None,
            "group_repeat": group.get("ItemGroupRepeatKey"),
            "items": len(items),
            "nulls": sum(1 for c in items if c.get("IsNull") == "Yes"),
        })
        add_groups(group, subject, event, form, groups)


def main(path):
    root = ET.parse(path).getroot()
    groups = {}
    # ClinicalData belongs under ODM; CDISC's matrix example puts it inside Study.
    clinicals = children(root, "ClinicalData") + [c for s in children(root, "Study") for c in children(s, "ClinicalData")]
    for clinical in clinicals:
        for subject in children(clinical, "SubjectData"):
            for event in children(subject, "StudyEventData"):
                add_groups(event, subject, event, None, groups)
                for form in children(event, "FormData"):
                    add_groups(form, subject, event, form, groups)
    print(json.dumps(groups, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
