"""Data classes that cost little to define: ``dataclass``, ``field``, ``replace`` and ``fields``,
the part of the standard ``dataclasses`` module that mtlint uses.

Why not ``dataclasses``: a command that checks one article, or an empty file, spends a third of
its own time starting up, and the standard module was the largest part of that: importing it
imports ``inspect`` (with ``ast``, ``dis`` and ``tokenize``: some 7 ms), and each class it
decorates compiles five to eight small functions, one ``exec`` each (some 0.6 ms a class; the
classes a run defines before its first file cost 10 ms). Here a class compiles only its
``__init__``, in one ``exec``; its other methods are closures over the field names, and nothing
is imported.

What a class gets is what ``dataclasses`` gives it for the options used here: ``__init__`` (fields
in order, base class fields first, a default or a ``default_factory``), ``__repr__`` (the fields
with ``repr=True``), ``__eq__`` (same class and equal ``compare=True`` fields), ``__hash__`` (those
fields' hash when frozen, else None: an unfrozen data class is unhashable), ``__match_args__``;
when frozen, ``__setattr__`` and ``__delattr__`` that raise ``FrozenInstanceError``; with
``slots=True``, a new class with ``__slots__`` and the ``__getstate__``/``__setstate__`` that
pickling a frozen one needs. Annotations are read as written (``from __future__ import
annotations``: strings); ``ClassVar`` fields are skipped. ``order``, ``kw_only``, ``InitVar`` and
``__post_init__`` are not supported (nothing here uses them): ``dataclass`` refuses what it
does not do rather than do it differently.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


#: No default: the field must be given.
MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """An attempt to set or delete a field of a frozen data class."""


class Field:
    """One field: its name, default or default factory, and whether it is shown and compared."""

    __slots__ = ("name", "default", "default_factory", "compare", "repr")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, compare: bool = True,
                 repr: bool = True) -> None:  # noqa: A002 - the name dataclasses gives it
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("a field cannot have both a default and a default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r}, default_factory={self.default_factory!r})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING, compare: bool = True,
          repr: bool = True) -> Any:  # noqa: A002
    """A field's options, as ``dataclasses.field``: ``x: list[str] = field(default_factory=list)``."""
    return Field(default, default_factory, compare, repr)


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a data class or of one of its instances, in order."""
    try:
        return tuple(obj.__mtlint_fields__)
    except AttributeError:
        raise TypeError(f"{obj!r} is not a data class") from None


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of `obj` with some fields changed (``dataclasses.replace``)."""
    try:
        known = obj.__mtlint_fields__  # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(f"replace() needs a data class instance, not {type(obj).__name__}") from None
    for name in changes:
        if not any(f.name == name for f in known):
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    values = {f.name: changes[f.name] if f.name in changes else getattr(obj, f.name) for f in known}
    return obj.__class__(**values)


@dataclass_transform(field_specifiers=(field, Field))
def dataclass(cls: Any = None, /, *, frozen: bool = False, slots: bool = False, eq: bool = True) -> Any:
    """Decorate a class as ``dataclasses.dataclass(frozen=..., slots=..., eq=...)`` would."""

    def wrap(klass: type) -> type:
        return _process(klass, frozen, slots, eq)

    return wrap if cls is None else wrap(cls)


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _process(cls: type, frozen: bool, slots: bool, eq: bool) -> type:
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported by checker.dataclass")
    inherited: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__mtlint_fields__", ()):
            inherited[f.name] = f
    if any(b.__mtlint_frozen__ != frozen for b in cls.__mro__[1:] if hasattr(b, "__mtlint_frozen__")):
        raise TypeError(f"{cls.__name__}: a frozen data class and an unfrozen one cannot inherit from each other")
    own: dict[str, Field] = {}
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        own[name] = f
    every = {**inherited, **own}
    ordered = list(every.values())
    seen_default = False
    for f in ordered:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"{cls.__name__}: non-default field {f.name!r} follows a field with a default")
        seen_default = seen_default or has_default

    namespace: dict[str, Any] = {"_dc_missing": MISSING, "_dc_setattr": object.__setattr__}
    params, body = [], []
    for i, f in enumerate(ordered):
        if f.default_factory is not MISSING:
            namespace[f"_dc_factory_{i}"] = f.default_factory
            params.append(f"{f.name}=_dc_missing")
            value = f"_dc_factory_{i}() if {f.name} is _dc_missing else {f.name}"
        elif f.default is not MISSING:
            namespace[f"_dc_default_{i}"] = f.default
            params.append(f"{f.name}=_dc_default_{i}")
            value = f.name
        else:
            params.append(f.name)
            value = f.name
        body.append(f"_dc_setattr(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
    lines = [f"def __init__(self, {', '.join(params)}):" if params else "def __init__(self):",
             *(f"    {line}" for line in body or ["pass"])]
    exec("\n".join(lines), namespace)  # noqa: S102 - built above from the class's field names only
    methods: dict[str, Any] = {"__init__": namespace["__init__"]}
    shown = tuple(f.name for f in ordered if f.repr)
    compared = tuple(f.name for f in ordered if f.compare)
    methods["__repr__"] = _repr(shown)
    if eq:
        key = _key(compared)
        methods["__eq__"] = _eq(key)
        if frozen:
            methods["__hash__"] = _hash(key)
    the_class = [cls]
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _frozen(frozenset(f.name for f in ordered), the_class)

    written = dict(cls.__dict__)  # the class body as written
    if frozen and ("__setattr__" in written or "__delattr__" in written):
        raise TypeError(f"{cls.__name__}: a frozen data class cannot define __setattr__ or __delattr__")
    # A method the class defines itself wins, as with dataclasses (__hash__: see below).
    attrs = {name: method for name, method in methods.items() if name != "__hash__" and name not in written}
    class_hash = written.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in written))
    if eq and not explicit_hash:
        attrs["__hash__"] = methods["__hash__"] if frozen else None
    attrs["__match_args__"] = tuple(f.name for f in ordered)
    if slots:
        if "__slots__" in written:
            raise TypeError(f"{cls.__name__} already has __slots__")
        body_dict = {k: v for k, v in written.items() if k not in own and k not in ("__dict__", "__weakref__")}
        inherited_slots = {s for b in cls.__mro__[1:] for s in getattr(b, "__slots__", ())}
        body_dict["__slots__"] = tuple(n for n in own if n not in inherited_slots)
        qualname = cls.__qualname__
        cls = type(cls)(cls.__name__, cls.__bases__, body_dict)
        cls.__qualname__ = qualname
        the_class[0] = cls
        if frozen:
            names = tuple(f.name for f in ordered)

            def __getstate__(self: Any) -> tuple[Any, ...]:
                return tuple(getattr(self, n) for n in names)

            def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
                for n, v in zip(names, state, strict=True):
                    object.__setattr__(self, n, v)

            methods["__getstate__"] = attrs["__getstate__"] = __getstate__
            methods["__setstate__"] = attrs["__setstate__"] = __setstate__
    else:
        for f in own.values():
            if f.default is not MISSING:
                attrs[f.name] = f.default  # as dataclasses: the class attribute is the default
            elif f.name in written:
                delattr(cls, f.name)  # a field(default_factory=...)
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
    for name, value in attrs.items():
        setattr(cls, name, value)
    cls.__mtlint_fields__ = tuple(ordered)  # type: ignore[attr-defined]
    cls.__mtlint_frozen__ = frozen  # type: ignore[attr-defined]
    return cls


# The methods other than __init__ are closures over the field names: compiling them (as
# dataclasses does, one exec each) cost three times what the rest of a class's making does.

def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's `names` fields (as dataclasses compares and hashes them)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _eq(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    return __eq__


def _hash(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(key(self))

    return __hash__


def _frozen(names: frozenset[str], the_class: list[type]) -> tuple[Callable[..., None], Callable[..., None]]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if name in names or self.__class__ is the_class[0]:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(the_class[0], self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if name in names or self.__class__ is the_class[0]:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(the_class[0], self).__delattr__(name)

    return __setattr__, __delattr__
