tracebriefSearch.terms("s",{"s":"a,c"});
