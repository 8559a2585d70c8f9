tracebriefSearch.terms("it",{"italy":"d"});
