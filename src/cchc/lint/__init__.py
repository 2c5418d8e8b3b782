"""Defects a drafter or a reviewing Sở Nội vụ would want fixed."""
