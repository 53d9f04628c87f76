package dev.proofdesk.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, newest first, and the way to the rest: {@link #nextPage()} for the next
 * page, or {@link #autoPaging()} to walk every object, fetching pages as the iteration needs them.
 */
public final class Page<T> {
    private final List<T> data;
    private final boolean hasMore;
    private final Function<T, String> idOf;
    private final Function<String, Page<T>> fetchAfter;

    /** Built by services; {@code fetchAfter} fetches the page that starts after the given id. */
    public Page(List<T> data, boolean hasMore, Function<T, String> idOf, Function<String, Page<T>> fetchAfter) {
        this.data = List.copyOf(data);
        this.hasMore = hasMore;
        this.idOf = idOf;
        this.fetchAfter = fetchAfter;
    }

    public List<T> data() {
        return data;
    }

    public boolean hasMore() {
        return hasMore;
    }

    /** The following page; throws {@link NoSuchElementException} when {@link #hasMore()} is false. */
    public Page<T> nextPage() {
        if (!hasMore || data.isEmpty()) {
            throw new NoSuchElementException("this is the last page");
        }
        return fetchAfter.apply(idOf.apply(data.getLast()));
    }

    /** Every object from this page on; each further page is requested only when reached. */
    public Iterable<T> autoPaging() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data.size()) {
                    if (!page.hasMore || page.data.isEmpty()) {
                        return false;
                    }
                    page = page.nextPage();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data.get(index++);
            }
        };
    }

    /** {@link #autoPaging()} as a stream, e.g. {@code .stream().limit(500)} to stop early. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(autoPaging().iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
